import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { FormProblemState } from './Field';
import type { Problem } from './read-problem';

/**
 * Shows an API problem on a form: problems about fields go next to those fields (the first one takes
 * focus); anything else comes back as the form's own problem. What people typed is kept.
 */
export function applyProblem<T extends FieldValues>(form: { setError: UseFormSetError<T> }, problem: Problem, order: readonly Path<T>[]): FormProblemState {
  const known = order.filter((name) => problem.fields[name]);
  known.forEach((name, index) => form.setError(name, { type: 'server', message: problem.fields[name] }, { shouldFocus: index === 0 }));
  if (known.length > 0) return null;
  // A problem with a field this form does not show (or none at all): say it at the top.
  const other = Object.values(problem.fields)[0];
  return { message: problem.code === 'BAD_USER_INPUT' && other ? other : problem.message };
}
