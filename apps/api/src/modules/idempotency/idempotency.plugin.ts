import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../../common/auth/viewer';
import { currentRequestId } from '../../common/request-context';
import { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey, requestHash } from './idempotency-key';
import type { IdempotencyClaim, IdempotencyKeysService } from './idempotency-keys.service';

const answer = (singleResult: FormattedExecutionResult, status?: number, replayed = false): GraphQLResponse => {
  const headers = new HeaderMap();
  if (replayed) headers.set('idempotent-replayed', 'true');
  return { http: { status, headers }, body: { kind: 'single', singleResult } };
};

const refusal = (code: string, reason: string, message: string, extra: Record<string, unknown> = {}): GraphQLResponse => {
  const error: GraphQLFormattedError = { message, extensions: { code, reason, ...extra, requestId: currentRequestId() } };
  return answer({ errors: [error] });
};

/**
 * Idempotency-Key on mutations, after Stripe's design. The first request with a key (per person or
 * token) claims it and runs in one transaction with its stored answer; a retry with the same key and
 * request gets that answer again for 24 hours; a concurrent one waits for the first, and gets CONFLICT
 * if it takes too long; the same key with another request is refused. Queries are run as they are.
 * Anonymous mutations (signing in, asking for a reset) run as they are too: no principal to keep a key for.
 */
export function idempotencyPlugin(keys: IdempotencyKeysService): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      let claim: IdempotencyClaim | null = null;
      return {
        // Checked with the other limits, before anything runs.
        async didResolveOperation({ operation, contextValue }) {
          // Read from the request itself: Apollo's Fastify integration drops empty headers, and an empty key must be refused.
          const header = contextValue.req.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
          if (operation?.operation !== 'mutation' || header === undefined) return;
          key = parseIdempotencyKey(Array.isArray(header) ? header.join(', ') : header);
        },

        async responseForOperation({ contextValue, request, source }) {
          const viewer = contextValue.viewer;
          if (key === null || !viewer) return null;
          const principal = viewer.tokenId ? `token:${viewer.tokenId}` : `user:${viewer.userId}`;
          const outcome = await keys.claim(principal, key, requestHash(source, request.operationName, request.variables));
          switch (outcome.kind) {
            case 'claimed':
              claim = outcome.claim;
              // Should Apollo end the request without reaching willSendResponse, nothing stays half-done or locked.
              contextValue.res.raw.once('close', () => void claim?.abandon());
              return null;
            case 'replay':
              return answer(outcome.answer.response, outcome.answer.httpStatus ?? undefined, true);
            case 'reused':
              return refusal(
                'BAD_USER_INPUT',
                'IDEMPOTENCY_KEY_REUSED',
                'This Idempotency-Key was already used for a different request. Send a new key with each new request, and the same key only when retrying the same one.',
                { fields: [{ path: ['headers', 'Idempotency-Key'], message: 'Already used for a different request.' }] },
              );
            case 'inProgress':
              return refusal('CONFLICT', 'IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed. Try again in a moment with the same key.');
          }
        },

        async willSendResponse({ response }) {
          const held = claim;
          if (!held) return;
          claim = null;
          if (response.body.kind !== 'single') {
            await held.abandon();
            return;
          }
          const result = response.body.singleResult;
          try {
            const outcome = await held.finish({ data: result.data, errors: result.errors, extensions: result.extensions }, response.http.status);
            // Rolled back: say so, rather than show data for work that was undone.
            if (outcome === 'rolledBack') response.body.singleResult = { errors: result.errors };
          } catch {
            // The commit's outcome is unknown: a retry with the same key finds the stored answer, or does the work.
            response.body.singleResult = {
              errors: [
                {
                  message: 'We could not confirm that this was saved. Please try again with the same Idempotency-Key: it will not be done twice.',
                  extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'IDEMPOTENT_COMMIT_UNCONFIRMED', requestId: currentRequestId() },
                },
              ],
            };
            response.http.status = 503;
          }
        },
      };
    },
  };
}
