import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { safeParse, type $ZodType, type output } from 'zod/v4/core';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { tokenLimitExceeded } from './graphql-limits';

/** The contract's error codes; nothing else reaches a caller. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  path: string[];
  message: string;
}

/** An error we mean to show: its message is written for people and holds no clinical text. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Please sign in to continue.') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = "You don't have access to this.") => new AppError('FORBIDDEN', message);
export const notFound = (what = 'That') => new AppError('NOT_FOUND', `${what} could not be found.`);
/** `reason` refines the code for programs (docs/api.md lists each); `extra` carries what the reason needs. */
export const conflict = (message: string, reason?: ConflictReason, extra: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, reason ? { reason, ...extra } : {});
/** CONFLICT reasons a caller can act on without reading the message. */
export type ConflictReason = 'SESSION_OVERLAP' | 'STALE_VERSION';
export const SERVICE_UNAVAILABLE_MESSAGE = "Attune can't reach its database just now. Nothing was lost; please try again in a moment.";

export function badInput(fields: FieldProblem[], message = 'Some of what was sent needs another look.') {
  return new AppError('BAD_USER_INPUT', message, { fields });
}

/**
 * Validate with the shared domain schema; on failure nothing has been touched yet. Any zod 4 schema will
 * do: the domain writes sign-in's rules with `zod/mini` (light for the portal), the rest with `zod`.
 */
export function parseInput<S extends $ZodType>(schema: S, value: unknown, pathPrefix: string[] = []): output<S> {
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  throw badInput(
    result.error.issues.map((issue) => ({ path: [...pathPrefix, ...issue.path.map(String)], message: issue.message })),
  );
}

/**
 * One place maps every error to the contract: known codes pass through, the rest are masked with the
 * request id to quote, so stack traces and SQL never reach a caller.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId: string | undefined,
  log: (error: unknown) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  // graphql-js words the token limit as a syntax error ("more that N tokens"); say it as the other limits do.
  if (code === 'GRAPHQL_PARSE_FAILED' && /Document contains more tha[nt] \d+ tokens/.test(formatted.message)) {
    const { message, extensions } = tokenLimitExceeded();
    return { message, extensions: { ...extensions, requestId } };
  }
  if (original instanceof AppError) {
    return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { ...original.extensions, requestId } };
  }
  // Errors raised by graphql-js itself (unknown field, bad variable) are the caller's input.
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_USER_INPUT' || code === 'BAD_REQUEST') {
    // A scalar of ours that refused a value (DateTime) said why; graphql-js carries its reason along.
    const reason = typeof formatted.extensions?.reason === 'string' ? { reason: formatted.extensions.reason } : {};
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', ...reason, requestId } };
  }
  if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE') {
    return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT', requestId } };
  }
  log(original);
  // The database is away (a restart, a failover): the caller may retry; what was acknowledged before is kept.
  if (isDatabaseUnavailable(original)) {
    return { message: SERVICE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', requestId } };
  }
  return {
    message: `Something went wrong on our side. If it keeps happening, quote reference ${requestId ?? 'unknown'}.`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
