import type { FormProblemState } from './Field';
import type { Problem } from './read-problem';

/** What a form offers to show a problem beside a field: react-hook-form's `setError`, or the kit's light form's. */
export interface ProblemTarget<Name extends string> {
  setError(name: Name, error: { type: string; message: string }, options: { shouldFocus: boolean }): void;
}

/**
 * Shows an API problem on a form: problems about fields go next to those fields (the first one takes
 * focus); anything else comes back as the form's own problem. What people typed is kept.
 */
export function applyProblem<Name extends string>(form: ProblemTarget<Name>, problem: Problem, order: readonly Name[]): FormProblemState {
  const known = order.filter((name) => problem.fields[name]);
  known.forEach((name, index) => form.setError(name, { type: 'server', message: problem.fields[name]! }, { shouldFocus: index === 0 }));
  if (known.length > 0) return null;
  // A problem with a field this form does not show (or none at all): say it at the top.
  const other = Object.values(problem.fields)[0];
  return { message: problem.code === 'BAD_USER_INPUT' && other ? other : problem.message };
}
