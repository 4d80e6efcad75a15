import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface AttuneClientOptions {
  /** The GraphQL endpoint, e.g. https://attune.example/graphql. */
  url: string;
  /** A personal API token (`atn_…`), sent as a bearer token. */
  token?: string;
  fetch?: typeof fetch;
}

/** An error answered by the API: `code` is one of the contract's codes; quote `requestId` when asking for help. */
export class AttuneApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly requestId: string | undefined,
    readonly fields: { path: string[]; message: string }[] = [],
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AttuneApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; requestId?: string; fields?: { path: string[]; message: string }[] } }[];
}

/** A small typed client: pass a generated document and get its typed result, or an AttuneApiError. */
export function createAttuneClient(options: AttuneClientOptions) {
  const send = options.fetch ?? fetch;
  return {
    async request<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, variables?: TVariables): Promise<TData> {
      const response = await send(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
      });
      const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TData>;
      const error = body.errors?.[0];
      if (error) throw new AttuneApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.extensions?.requestId, error.extensions?.fields, response.status);
      if (!response.ok || body.data === null || body.data === undefined) throw new AttuneApiError(`The API answered ${response.status}.`, 'INTERNAL_SERVER_ERROR', undefined, [], response.status);
      return body.data;
    },
  };
}
export type AttuneClient = ReturnType<typeof createAttuneClient>;
