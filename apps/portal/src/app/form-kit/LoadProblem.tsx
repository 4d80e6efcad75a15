import { loadProblemMessage } from './read-problem';

/** The one way a page or a section says it could not load: an alert in kind words, never the server's. */
export function LoadProblem({ error, what, className }: { error: unknown; what: string; className?: string }) {
  return (
    <p role="alert" className={['notice notice--problem', className].filter(Boolean).join(' ')}>
      {loadProblemMessage(error, what)}
    </p>
  );
}
