import { getOperationAST, GraphQLError, type DocumentNode, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { FastifyReply } from 'fastify';
import type { RequestContext } from './auth/viewer';

/** What Mercurius hands each hook: our request context, to which it adds the reply. */
export type GraphQLContext = RequestContext & { reply: FastifyReply };

export interface RequestedOperation {
  /** The document's text as sent. */
  source: string;
  operationName: string | undefined;
  /** undefined when the name matches no operation (execution refuses it). */
  operation: OperationDefinitionNode | undefined;
}

const requested = new WeakMap<object, RequestedOperation>();

/** The operation a request asks for, worked out once per request for every hook that needs it. */
export function operationOf(document: DocumentNode, context: GraphQLContext): RequestedOperation {
  let found = requested.get(context);
  if (!found) {
    const req = context.reply.request;
    const params = ((req.method === 'GET' ? req.query : req.body) ?? {}) as { query?: string; operationName?: string | null };
    const operationName = params.operationName ?? undefined;
    found = { source: params.query ?? '', operationName, operation: getOperationAST(document, operationName) ?? undefined };
    requested.set(context, found);
  }
  return found;
}

/** A refusal decided before anything runs: the error alone, with this HTTP status. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly error: GraphQLError,
  ) {
    super(error.message);
  }
}

/** A whole answer decided before anything runs (an idempotent replay), sent as it is. */
export class PreparedAnswer extends Error {
  constructor(
    readonly body: FormattedExecutionResult,
    readonly status = 200,
    readonly headers: Record<string, string> = {},
  ) {
    super('prepared answer');
  }
}
