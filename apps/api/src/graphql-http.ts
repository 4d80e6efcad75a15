import { GraphQLError, parse, type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type ValidationRule } from 'graphql';
import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError, formatGraphQLError } from './common/errors';
import { PreparedAnswer, Refusal } from './common/graphql-operation';
import { sanitizeForLog, type AppLogger } from './common/logger';
import { currentRequestId } from './common/request-context';
import { sendGraphQLError } from './graphql-gate';

/**
 * The hooks below decide at once, so they take Fastify's `done` rather than being async: each async hook
 * cost every request a promise, a microtask and, under the request scope's AsyncLocalStorage, its async
 * hooks (without them a signed-in `{ me { id } }` served ~6% more). One that answers does not call `done`.
 */
type HookDone = HookHandlerDoneFunction;

/*
 * The HTTP side of /graphql that Mercurius leaves to us, kept as it was under Apollo Server: CSRF
 * prevention, the explorer page, the answer's media type, and one place that turns every error into the
 * contract's shape and status.
 */

/** Whether an error is the caller's request (it did not parse, validate or fit its variables) or arose while running it. */
type ErrorKind = 'request' | 'execution';

export type FormatError = (error: GraphQLError, kind: ErrorKind) => GraphQLFormattedError;

/**
 * Every GraphQL error passes here (common/errors.ts decides what a caller sees). Request errors are the
 * caller's input; with suggestions hidden (introspection off) they do not name fields the caller did not.
 */
export function graphqlErrorFormat(logger: AppLogger, hideSuggestions: boolean): FormatError {
  const log = (original: unknown) => logger.error({ err: sanitizeForLog(original), requestId: currentRequestId() }, 'GraphQL operation failed');
  return (error, kind) => {
    const formatted = error.toJSON();
    const ours = error instanceof AppError || error.originalError instanceof AppError;
    if (kind === 'request' && !ours) {
      const message = hideSuggestions ? formatted.message.replace(/ ?Did you mean(.+?)\?$/, '') : formatted.message;
      const code = message.startsWith('Syntax Error') ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED';
      return formatGraphQLError({ ...formatted, message, extensions: { ...formatted.extensions, code } }, error, currentRequestId(), log);
    }
    return formatGraphQLError(formatted, error, currentRequestId(), log);
  };
}

/**
 * Mercurius's errorFormatter, for an answer that holds errors. An answer without data never ran: its
 * errors are the request's (variables that do not fit, no such operation), 400 as Apollo answered them;
 * otherwise 200 with the data there is.
 */
export function executionErrorFormatter(format: FormatError) {
  return (execution: ExecutionResult) => {
    const kind: ErrorKind = execution.data === undefined ? 'request' : 'execution';
    const errors = (execution.errors ?? []).map((error) => format(toGraphQLError(error), kind));
    return { statusCode: kind === 'request' ? 400 : 200, response: { data: execution.data, errors } };
  };
}

const toGraphQLError = (error: unknown): GraphQLError =>
  error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error instanceof Error ? error : undefined });

const REQUEST_ERROR = /^MER_ERR_(GQL_VALIDATION|METHOD_NOT_ALLOWED|GQL_PERSISTED_QUERY_)/;

/**
 * The error handler of the /graphql routes: answers decided before execution (an idempotent replay, a
 * refusal by scope or cost), requests that did not parse or validate (Mercurius throws those), bodies
 * that are not JSON, too large or of another media type, all in the GraphQL error shape; anything else
 * (the audit write failing) is a fault, masked with the request id.
 */
export function graphqlErrors(format: FormatError) {
  return (error: FastifyError & { errors?: unknown[] }, req: FastifyRequest, reply: FastifyReply) => {
    // Fastify clears the media type set before an error; the answer keeps it.
    if (prefersGraphQLResponse(req.headers.accept)) reply.type(`${GRAPHQL_RESPONSE}; charset=utf-8`);
    if (error instanceof PreparedAnswer) return reply.code(error.status).headers(error.headers).send(error.body);
    if (error instanceof Refusal) return reply.code(error.status).send({ errors: [format(error.error, 'execution')] });
    const status = error.statusCode;
    // A document over the token limit: Mercurius rethrows graphql-js's syntax error as it is.
    if (error instanceof GraphQLError) return reply.code(400).send({ errors: [format(error, 'request')] });
    if (error.code && REQUEST_ERROR.test(error.code)) {
      const errors = (error.errors?.length ? error.errors : [error]).map((one) => format(toGraphQLError(one), 'request'));
      return reply.code(status && status >= 400 && status < 500 ? status : 400).send({ errors });
    }
    if (status === 413) return sendGraphQLError(reply, 413, new AppError('BAD_USER_INPUT', 'The request body is too large.', { limit: 'bodySize' }));
    if (status === 415) return sendGraphQLError(reply, 415, new AppError('BAD_USER_INPUT', 'The request body must be UTF-8 JSON.'));
    if (status && status < 500) return sendGraphQLError(reply, 400, new AppError('BAD_USER_INPUT', 'The request body is not valid JSON.'));
    return reply.code(500).send({ errors: [format(toGraphQLError(error), 'execution')] });
  };
}

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/**
 * CSRF prevention, Apollo Server's rule as clients know it (docs/api.md): a request a browser could send
 * cross-site without a preflight (no content type, or a form's or text/plain) runs nothing unless it
 * carries one of the preflight headers. GET operations included. Checked before the body is read.
 */
export function csrfPrevention(req: FastifyRequest, reply: FastifyReply, done: HookDone) {
  const type = req.headers['content-type'];
  if (type) {
    const essence = type.split(';')[0]!.trim().toLowerCase();
    if (!SIMPLE_CONTENT_TYPES.includes(essence)) return done();
  }
  if (PREFLIGHT_HEADERS.some((name) => typeof req.headers[name] === 'string' && req.headers[name] !== '')) return done();
  sendGraphQLError(
    reply,
    400,
    new AppError(
      'BAD_USER_INPUT',
      `This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of ${SIMPLE_CONTENT_TYPES.join(', ')}) or provide a non-empty value for one of the following headers: ${PREFLIGHT_HEADERS.join(', ')}`,
    ),
  );
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** The media types an Accept header takes, with their weights. */
function weights(accept: string) {
  const found = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    found.set(type, q ? Number(q.slice(2)) : 1);
  }
  return found;
}

/** Whether the caller prefers application/graphql-response+json to application/json, as Apollo negotiated it. */
function prefersGraphQLResponse(accept: string | undefined) {
  if (!accept?.includes(GRAPHQL_RESPONSE)) return false;
  const q = weights(accept);
  return (q.get(GRAPHQL_RESPONSE) ?? 0) > (q.get('application/json') ?? 0);
}

/** The answer's media type: application/graphql-response+json when preferred, else application/json. Set before anything answers, so refusals carry it too. */
export function responseMediaType(req: FastifyRequest, reply: FastifyReply, done: HookDone) {
  if (prefersGraphQLResponse(req.headers.accept)) reply.type(`${GRAPHQL_RESPONSE}; charset=utf-8`);
  done();
}

/** The explorer page for a browser's GET /graphql (only where introspection is on), before CSRF prevention refuses a plain GET. */
export function explorerPage(html: string) {
  return (req: FastifyRequest, reply: FastifyReply, done: HookDone) => {
    if (req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/html')) return done();
    reply.type('text/html; charset=utf-8').send(html);
  };
}

const BODY_TYPES: Record<string, (value: unknown) => boolean> = {
  query: (value) => typeof value === 'string',
  operationName: (value) => typeof value === 'string' || value === null,
  variables: (value) => typeof value === 'object' && !Array.isArray(value),
  extensions: (value) => typeof value === 'object' && !Array.isArray(value),
};

/**
 * A POST's parameters, checked as Apollo did before Mercurius's body schema sees them (which would turn
 * `"query": 1` into the document "1"): each of the wrong type is refused with 400. `"extensions": null` is
 * taken as no extensions, as graphql-http's audit requires.
 */
export function requestParameters(req: FastifyRequest, reply: FastifyReply, done: HookDone) {
  const body = req.body as Record<string, unknown> | null;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return done();
  if (body.extensions === null) delete body.extensions;
  for (const [name, fits] of Object.entries(BODY_TYPES)) {
    if (body[name] !== undefined && !fits(body[name])) {
      sendGraphQLError(reply, 400, new AppError('BAD_USER_INPUT', `The request's "${name}" parameter has the wrong type.`));
      return;
    }
  }
  done();
}

/**
 * Mercurius takes a query that does not parse as GraphQL for a document written as JSON (an AST), and
 * would validate whatever that is. Only GraphQL text is a document here: anything else is refused as
 * the syntax error it is (a Mercurius preValidation hook, which runs only for text not seen before).
 */
export function graphqlTextOnly(maxTokens: number) {
  return async (_schema: unknown, document: DocumentNode, context: { __currentQuery?: string }) => {
    const source = context.__currentQuery;
    if (document?.loc?.source.body === source) return;
    let syntaxError: unknown = new GraphQLError('Syntax Error: the query is not a GraphQL document.');
    try {
      parse(source ?? '', { maxTokens });
    } catch (error) {
      syntaxError = error;
    }
    throw Object.assign(new Error('Graphql validation error'), { code: 'MER_ERR_GQL_VALIDATION', statusCode: 400, errors: [syntaxError] });
  };
}

/** Where introspection is off: one error for a document that asks for `__schema` or `__type`, as Apollo's rule gave. */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(new GraphQLError('Introspection is not allowed here, but the query contained __schema or __type.', { nodes: [node] }));
    }
  },
});
