import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What went wrong, read from the contract's extensions (code, reason, fields), never from the message's wording. */
export interface Problem {
  code: string;
  /** A finer reason some codes carry, e.g. SESSION_OVERLAP with CONFLICT (docs/api.md lists them). */
  reason?: string;
  /** The API's words, written for people; a feature may say a known reason in its own words instead. */
  message: string;
  /** Field name (the last named part of the API's path: `tags.3` is `tags`) → its problem. */
  fields: Record<string, string>;
  /** Whatever else the reason carries (a clashing session's times, say). */
  extensions: Record<string, unknown>;
}

const OFFLINE = "We couldn't reach Attune just now. Please check your connection and try again. Nothing you typed has been lost.";

/** Words a feature gives for a reason it knows, made from the error's extensions. */
export type ReasonWords = Record<string, (extensions: Record<string, unknown>) => string>;

export function readProblem(error: unknown, reasonWords: ReasonWords = {}): Problem {
  if (!CombinedGraphQLErrors.is(error) || error.errors.length === 0) return { code: 'NETWORK', message: OFFLINE, fields: {}, extensions: {} };
  const first = error.errors[0]!;
  const extensions = (first.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const reason = typeof extensions.reason === 'string' ? extensions.reason : undefined;
  const fields: Record<string, string> = {};
  for (const item of error.errors) {
    const listed = item.extensions?.fields;
    if (!Array.isArray(listed)) continue;
    for (const field of listed as { path?: unknown; message?: unknown }[]) {
      const path = Array.isArray(field.path) ? field.path.map(String).filter((part) => !/^\d+$/.test(part)) : [];
      const name = path.at(-1);
      if (name && typeof field.message === 'string') fields[name] ??= field.message;
    }
  }
  const say = reason ? reasonWords[reason] : undefined;
  return { code, message: say ? say(extensions) : first.message, fields, extensions, ...(reason ? { reason } : {}) };
}

/** The record a page asked for is not there for this person: NOT_FOUND, or an id that cannot name one. */
export function couldNotFind(error: unknown) {
  const { code, fields } = readProblem(error);
  return code === 'NOT_FOUND' || (code === 'BAD_USER_INPUT' && Object.keys(fields).some((name) => name === 'id' || name.endsWith('Id')));
}

/** A kind page-level message when a page cannot load `what` (said as in "We couldn't load your caseload"). */
export function loadProblemMessage(error: unknown, what: string): string {
  const problem = readProblem(error);
  if (problem.code === 'UNAUTHENTICATED') return 'Please sign in to see this page.';
  if (problem.code === 'FORBIDDEN') return 'This page is for other members of the practice.';
  if (couldNotFind(error)) return 'We could not find that.';
  if (problem.code === 'NETWORK') return problem.message;
  return `We couldn't load ${what} just now. Please try again in a moment.`;
}
