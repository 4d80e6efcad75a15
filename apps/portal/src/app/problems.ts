import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What went wrong, in the API's own words (they are written for people), ready to show. */
export interface Problem {
  code: string;
  message: string;
  /** Field name (the last named part of the API's path: `scopes.0` is `scopes`) → message. */
  fields: Record<string, string>;
  /** A finer reason the API gives with some codes, e.g. RECENT_SIGN_IN_REQUIRED with FORBIDDEN. */
  reason?: string;
}

const OFFLINE = "We couldn't reach Attune just now. Please check your connection and try again.";

export function readProblem(error: unknown): Problem {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    const first = error.errors[0]!;
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    const fields: Record<string, string> = {};
    for (const item of error.errors) {
      const listed = item.extensions?.fields;
      if (!Array.isArray(listed)) continue;
      for (const field of listed as { path?: unknown; message?: unknown }[]) {
        const path = Array.isArray(field.path) ? field.path.map(String).filter((part) => !/^\d+$/.test(part)) : [];
        const name = path[path.length - 1];
        if (name && typeof field.message === 'string' && !(name in fields)) fields[name] = field.message;
      }
    }
    const reason = typeof first.extensions?.reason === 'string' ? first.extensions.reason : undefined;
    return { code, message: first.message, fields, ...(reason ? { reason } : {}) };
  }
  return { code: 'NETWORK', message: OFFLINE, fields: {} };
}

/** The code of a GraphQL error, if the error is one. */
export function problemCode(error: unknown): string | null {
  return CombinedGraphQLErrors.is(error) ? readProblem(error).code : null;
}
