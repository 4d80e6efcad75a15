import { CombinedGraphQLErrors } from '@apollo/client';

/** What went wrong, in the contract's terms: a code, a message written for people, and field problems by path. */
export interface ApiProblem {
  code: string;
  message: string;
  /** Field name (the last part of its path) → message. */
  fields: Record<string, string>;
  extensions: Record<string, unknown>;
}

export function toProblem(error: unknown): ApiProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const field of (extensions.fields as { path: string[]; message: string }[] | undefined) ?? []) {
      const name = field.path.at(-1) ?? 'form';
      // A tag's path ends in its index: show it on the tags field.
      const key = /^\d+$/.test(name) ? (field.path.at(-2) ?? name) : name;
      fields[key] ??= field.message;
    }
    return { code: String(extensions.code ?? 'INTERNAL_SERVER_ERROR'), message: first?.message ?? 'Something went wrong.', fields, extensions };
  }
  return {
    code: 'NETWORK',
    message: 'We could not reach Attune just now. Please check your connection and try again: nothing you typed has been lost.',
    fields: {},
    extensions: {},
  };
}

/** A kind page-level message when a page cannot load. */
export function loadProblemMessage(error: unknown): string {
  const problem = toProblem(error);
  if (problem.code === 'UNAUTHENTICATED') return 'Please sign in to see this page.';
  if (problem.code === 'FORBIDDEN') return 'This page is for other members of the practice.';
  if (problem.code === 'NOT_FOUND') return 'We could not find that.';
  return problem.message;
}
