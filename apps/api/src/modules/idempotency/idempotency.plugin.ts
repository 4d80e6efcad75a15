import type { DocumentNode, ExecutionResult, FormattedExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { AppError } from '../../common/errors';
import { operationOf, PreparedAnswer, Refusal, type GraphQLContext } from '../../common/graphql-operation';
import { currentRequestId } from '../../common/request-context';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey, requestHash } from './idempotency-key';
import type { IdempotencyClaim, IdempotencyKeysService } from './idempotency-keys.service';

const refusal = (code: string, reason: string, message: string, extra: Record<string, unknown> = {}) => {
  const error: GraphQLFormattedError = { message, extensions: { code, reason, ...extra, requestId: currentRequestId() } };
  return new PreparedAnswer({ errors: [error] });
};

/**
 * Idempotency-Key on mutations, after Stripe's design. The first request with a key (per person or
 * token) claims it and runs in one transaction with its stored answer; a retry with the same key and
 * request gets that answer again for 24 hours; a concurrent one waits for the first, and gets CONFLICT
 * if it takes too long; the same key with another request is refused. Queries are run as they are.
 * Anonymous mutations (signing in, asking for a reset) run as they are too: no principal to keep a key for.
 *
 * Two Mercurius hooks: preExecution (after the scope and cost checks) claims the key or answers at once;
 * onResolution stores the answer with the work before it is sent.
 */
export function idempotencyHooks(keys: IdempotencyKeysService) {
  const claims = new WeakMap<object, IdempotencyClaim>();
  return {
    async preExecution(_schema: GraphQLSchema, document: DocumentNode, context: GraphQLContext, variables: Record<string, unknown> | undefined) {
      const header = context.req.headers[IDEMPOTENCY_KEY_HEADER];
      const { operation, source, operationName } = operationOf(document, context);
      if (operation?.operation !== 'mutation' || header === undefined) return;
      let key: string;
      try {
        key = parseIdempotencyKey(Array.isArray(header) ? header.join(', ') : header);
      } catch (error) {
        if (error instanceof AppError) throw new Refusal(400, error);
        throw error;
      }
      const viewer = context.viewer;
      if (!viewer) return;
      const principal = viewer.tokenId ? `token:${viewer.tokenId}` : `user:${viewer.userId}`;
      const outcome = await keys.claim(principal, key, requestHash(source, operationName, variables));
      switch (outcome.kind) {
        case 'claimed': {
          const claim = outcome.claim;
          claims.set(context, claim);
          // Should the request end without reaching onResolution, nothing stays half-done or locked.
          context.res.raw.once('close', () => void claim.abandon());
          return;
        }
        case 'replay':
          throw new PreparedAnswer(outcome.answer.response, outcome.answer.httpStatus ?? 200, { 'idempotent-replayed': 'true' });
        case 'reused':
          throw refusal(
            'BAD_USER_INPUT',
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was already used for a different request. Send a new key with each new request, and the same key only when retrying the same one.',
            { fields: [{ path: ['headers', 'Idempotency-Key'], message: 'Already used for a different request.' }] },
          );
        case 'inProgress':
          throw refusal('CONFLICT', 'IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed. Try again in a moment with the same key.');
      }
    },

    /** `execution` holds the answer as it will be sent (errors already formatted); changing it changes the answer. */
    async onResolution(execution: ExecutionResult, context: GraphQLContext) {
      const held = claims.get(context);
      if (!held) return;
      claims.delete(context);
      const result = execution as FormattedExecutionResult;
      try {
        const outcome = await held.finish({ data: result.data, errors: result.errors, extensions: result.extensions }, context.reply.statusCode);
        // Rolled back: say so, rather than show data for work that was undone.
        if (outcome === 'rolledBack') execution.data = undefined;
      } catch {
        // The commit's outcome is unknown: a retry with the same key finds the stored answer, or does the work.
        execution.data = undefined;
        (execution as unknown as { errors: GraphQLFormattedError[] }).errors = [
          {
            message: 'We could not confirm that this was saved. Please try again with the same Idempotency-Key: it will not be done twice.',
            extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'IDEMPOTENT_COMMIT_UNCONFIRMED', requestId: currentRequestId() },
          },
        ];
        context.reply.code(503);
      }
    },
  };
}
