import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { ViewerDocument } from '../gql/graphql';
import { idempotencyKeyLink, retryLink } from './idempotency-key-link';

/** Set when a signed-in session ended on the server (idle or absolute limit, or signed out elsewhere). */
export const sessionSignal = { ended: false };

/**
 * When the API says a signed-in person is no longer signed in, every page learns it at once: `me`
 * becomes null and the route guards take them to the sign-in page (and back afterwards).
 */
const sessionEndedLink = new ErrorLink(({ error, operation }) => {
  if (!CombinedGraphQLErrors.is(error) || !error.errors.some((item) => item.extensions?.code === 'UNAUTHENTICATED')) return;
  const cache = operation.client.cache;
  if (!cache.readQuery({ query: ViewerDocument })?.me) return;
  sessionSignal.ended = true;
  cache.writeQuery({ query: ViewerDocument, data: { me: null } });
});

/** Same origin as the API: the session cookie rides along, and JSON posts satisfy the server's CSRF check. */
export function createApolloClient() {
  return new ApolloClient({
    // The key is set before the retry link, so each retry of a mutation carries the same one.
    link: ApolloLink.from([sessionEndedLink, idempotencyKeyLink, retryLink, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache(),
  });
}
