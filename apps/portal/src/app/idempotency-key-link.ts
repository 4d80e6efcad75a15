import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { RetryLink } from '@apollo/client/link/retry';
import { OperationTypeNode } from 'graphql';

/** A random UUID; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Gives every mutation a fresh Idempotency-Key. It sits before the retry link, which sends the same
 * operation (and so the same key) again: a save whose answer was lost is done once on the server.
 */
export const idempotencyKeyLink = new ApolloLink((operation, forward) => {
  if (operation.operationType === OperationTypeNode.MUTATION) {
    const key = newIdempotencyKey();
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, 'Idempotency-Key': key } }));
  }
  return forward(operation);
});

/**
 * Retries what never got an answer (the network dropped, a proxy or the API answered 5xx), a few
 * times with growing pauses; an answer the API gave (a refusal, bad input) is final. An operation sent
 * with `context: { retry: false }` is not retried here: its caller retries with newer content itself
 * (the reflection draft), and an old copy arriving late would overwrite what came after it.
 */
export const retryLink = new RetryLink({
  delay: { initial: 300, max: 2_000, jitter: true },
  attempts: {
    max: 3,
    retryIf: (error, operation) =>
      operation.getContext().retry !== false && !CombinedGraphQLErrors.is(error) && !(ServerError.is(error) && error.statusCode < 500),
  },
});
