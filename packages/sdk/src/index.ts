export { AttuneApiError, createAttuneClient, type AttuneClient, type AttuneClientOptions } from './client.js';
export * from './generated/graphql.js';
