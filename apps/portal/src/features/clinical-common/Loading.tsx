import { LoadProblem } from '../../app/form-kit';

/** A clinical page waiting for its data: marked busy, and said in words a screen reader announces. */
export function Loading({ what }: { what: string }) {
  return (
    <section className="page narrow" aria-busy="true">
      <p role="status">Loading {what}…</p>
    </section>
  );
}

/** A clinical page that could not load: its heading, so the person knows where they are, and the one kind message. */
export function PageLoadProblem({ heading, what, error }: { heading: string; what: string; error: unknown }) {
  return (
    <section className="page narrow">
      <h1>{heading}</h1>
      <LoadProblem error={error} what={what} />
    </section>
  );
}
