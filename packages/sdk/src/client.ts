import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { OperationTypeNode, print, type DocumentNode } from 'graphql';

export interface AttuneClientOptions {
  /** The GraphQL endpoint, e.g. https://attune.example/graphql. */
  url: string;
  /** A personal API token (`atn_…`), sent as a bearer token. */
  token?: string;
  fetch?: typeof fetch;
  /** How many times to resend a request that got no answer (a network failure, 502, 503, 504). Default 2. */
  retries?: number;
}

export interface RequestOptions {
  /** The Idempotency-Key of a mutation; by default a fresh UUID for each call, reused by its retries. */
  idempotencyKey?: string;
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

const isMutation = (document: DocumentNode) =>
  document.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.MUTATION);

/** Answers that say the request may not have been handled: worth sending again (with the same key). */
const RETRY_STATUSES = new Set([502, 503, 504]);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A small typed client: pass a generated document and get its typed result, or an AttuneApiError.
 * Every mutation carries an Idempotency-Key, and a retry after a lost answer sends the same key, so
 * the API does the work once.
 */
export function createAttuneClient(options: AttuneClientOptions) {
  const send = options.fetch ?? fetch;
  const retries = options.retries ?? 2;
  return {
    async request<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      variables?: TVariables,
      requestOptions: RequestOptions = {},
    ): Promise<TData> {
      const idempotencyKey = isMutation(document) ? (requestOptions.idempotencyKey ?? crypto.randomUUID()) : undefined;
      const init: RequestInit = {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
      };
      let response: Response;
      for (let attempt = 0; ; attempt++) {
        try {
          response = await send(options.url, init);
          if (!RETRY_STATUSES.has(response.status) || attempt >= retries) break;
        } catch (error) {
          if (attempt >= retries) throw error;
        }
        await pause(250 * 2 ** attempt);
      }
      const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TData>;
      const error = body.errors?.[0];
      if (error) throw new AttuneApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.extensions?.requestId, error.extensions?.fields, response.status);
      if (!response.ok || body.data === null || body.data === undefined) throw new AttuneApiError(`The API answered ${response.status}.`, 'INTERNAL_SERVER_ERROR', undefined, [], response.status);
      return body.data;
    },
  };
}
export type AttuneClient = ReturnType<typeof createAttuneClient>;
