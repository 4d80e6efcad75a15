import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** Same origin as the API: the session cookie rides along, and JSON posts satisfy the server's CSRF check. */
export function createApolloClient() {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache(),
  });
}
