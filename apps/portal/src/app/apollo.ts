import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { ViewerDocument } from '../features/identity/viewer.generated';
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

/**
 * One list whichever of its pages was asked for: every argument but the cursor names it. `first` stays in
 * the name because pages read the same field at different lengths (the client home takes 20 reflections,
 * the reflections page 10 at a time): without it each would overwrite the other's list.
 */
const keysetConnection = relayStylePagination((args) => Object.keys(args ?? {}).filter((name) => name !== 'after'));

/**
 * The lists the portal pages with "show more": a later page (`after`) is appended to the one in the cache,
 * a first page (a refetch after a change) replaces it. The audit log is left out: it shows one page at a time.
 */
export const typePolicies = {
  Query: {
    fields: {
      adminArticles: keysetConnection,
      articleRevisions: keysetConnection,
      articles: keysetConnection,
      caseload: keysetConnection,
      practiceMembers: keysetConnection,
      reflections: keysetConnection,
      sharedArticles: keysetConnection,
    },
  },
} satisfies TypePolicies;

/** Same origin as the API: the session cookie rides along, and JSON posts satisfy the server's CSRF check. */
export function createApolloClient() {
  return new ApolloClient({
    // The key is set before the retry link, so each retry of a mutation carries the same one.
    link: ApolloLink.from([sessionEndedLink, idempotencyKeyLink, retryLink, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache({ typePolicies }),
  });
}
