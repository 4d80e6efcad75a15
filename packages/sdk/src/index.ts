export { AttuneApiError, createAttuneClient, type AttuneClient, type AttuneClientOptions, type RequestOptions } from './client.js';
export * from './generated/graphql.js';
