import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { OperationTypeNode, print, type DocumentNode } from 'graphql';
import { toResult, type AttuneResult, type GraphQLErrorBody } from './errors.js';
import { paginate, type Connection } from './paginate.js';
import {
  SdkAcknowledgeCheckInDocument,
  SdkArticleDocument,
  SdkArticlesDocument,
  SdkCancelSessionDocument,
  SdkCaseloadDocument,
  SdkCheckInsDocument,
  SdkClientDocument,
  SdkCompleteSessionDocument,
  SdkAcknowledgeSafetyFlagDocument,
  SdkDueMeasuresDocument,
  SdkMeasureDefinitionsDocument,
  SdkMeasureResponsesDocument,
  SdkMeasureSchedulesDocument,
  SdkMeDocument,
  SdkSafetyFlagsDocument,
  SdkSaveMeasureDraftDocument,
  SdkSetMeasureScheduleDocument,
  SdkSubmitMeasureDocument,
  SdkReflectionDocument,
  SdkReflectionsDocument,
  SdkRespondToReflectionDocument,
  SdkScheduleSessionDocument,
  SdkSessionDocument,
  SdkSessionsDocument,
  SdkShareReflectionDocument,
  SdkSubmitCheckInDocument,
  SdkWriteReflectionDocument,
  type MeasureAnswersInput,
  type ScheduleSessionInput,
  type SetMeasureScheduleInput,
  type SubmitCheckInInput,
  type WriteReflectionInput,
} from './generated/graphql.js';

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
  signal?: AbortSignal;
}

type Variables = Record<string, unknown>;
/** The paging arguments every list takes; `after` is filled in by `all()`. */
type PageVariables = { first?: number | null; after?: string | null };

const isMutation = (document: DocumentNode) =>
  document.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.MUTATION);

/** Answers that say the request may not have been handled: worth sending again (with the same key). */
const RETRY_STATUSES = new Set([502, 503, 504]);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterSeconds(header: string | null) {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/**
 * A typed client for Attune's GraphQL API: a method for every read a token can make, an async
 * iterator over every list (`all`), the clinical writes, and `request` / `requestWithErrors` for any
 * other generated document. Every mutation carries an Idempotency-Key, and a retry after a lost
 * answer sends the same key, so the API does the work once.
 */
export function createAttuneClient(options: AttuneClientOptions) {
  const send = options.fetch ?? fetch;
  const retries = options.retries ?? 2;

  /** The answer as it is: data and errors side by side. Throws only when no answer came at all. */
  async function requestWithErrors<TData, TVariables extends Variables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    requestOptions: RequestOptions = {},
  ): Promise<AttuneResult<TData>> {
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
      signal: requestOptions.signal,
    };
    let response: Response;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await send(options.url, init);
        if (!RETRY_STATUSES.has(response.status) || attempt >= retries) break;
      } catch (error) {
        if (attempt >= retries || requestOptions.signal?.aborted) throw error;
      }
      await pause(250 * 2 ** attempt);
    }
    // A proxy's HTML page or an empty body is mapped from its status instead.
    const body = (await response.json().catch(() => undefined)) as { data?: TData | null; errors?: GraphQLErrorBody[] } | undefined;
    return toResult(body, {
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? undefined,
      retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')),
    });
  }

  /** The data, or the first error thrown as an AttuneApiError that still holds the partial data and every error. */
  async function request<TData, TVariables extends Variables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    requestOptions?: RequestOptions,
  ): Promise<TData> {
    const result = await requestWithErrors(document, variables, requestOptions);
    if (result.errors[0]) throw result.errors[0];
    return result.data!;
  }

  /** `page` for one page (the connection itself), `all` for every node of every page after it. */
  function list<TData, TVariables extends PageVariables & Variables, TNode>(
    document: TypedDocumentNode<TData, TVariables>,
    connectionOf: (data: TData) => Connection<TNode>,
  ) {
    return {
      page: async (variables?: TVariables, requestOptions?: RequestOptions) => connectionOf(await request(document, variables, requestOptions)),
      all: (variables?: TVariables, requestOptions?: RequestOptions) =>
        paginate(
          async (after) => connectionOf(await request(document, { ...variables, after } as TVariables, requestOptions)),
          variables?.after ?? null,
        ),
    };
  }

  return {
    request,
    requestWithErrors,
    /** Any other list: `paginate(document, variables, (data) => data.someList)`. */
    paginate<TData, TVariables extends PageVariables & Variables, TNode>(
      document: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
      connectionOf: (data: TData) => Connection<TNode>,
      requestOptions?: RequestOptions,
    ) {
      return list(document, connectionOf).all(variables, requestOptions);
    },

    /** account:read. The token's owner. */
    me: async (requestOptions?: RequestOptions) => (await request(SdkMeDocument, {}, requestOptions)).me,
    /** caseload:read. A therapist's active clients. */
    caseload: list(SdkCaseloadDocument, (data) => data.caseload),
    /** caseload:read. A client's record (the client themselves, or their therapist). */
    client: async (id: string, requestOptions?: RequestOptions) => (await request(SdkClientDocument, { id }, requestOptions)).client,
    /** sessions:read */
    sessions: list(SdkSessionsDocument, (data) => data.sessions),
    /** sessions:read */
    session: async (id: string, requestOptions?: RequestOptions) => (await request(SdkSessionDocument, { id }, requestOptions)).session,
    /** reflections:read */
    reflections: list(SdkReflectionsDocument, (data) => data.reflections),
    /** reflections:read */
    reflection: async (id: string, requestOptions?: RequestOptions) => (await request(SdkReflectionDocument, { id }, requestOptions)).reflection,
    /** checkins:read */
    checkIns: list(SdkCheckInsDocument, (data) => data.checkIns),
    /** measures:read. The PHQ-9 and GAD-7: questions, answers, bands. */
    measureDefinitions: async (requestOptions?: RequestOptions) => (await request(SdkMeasureDefinitionsDocument, {}, requestOptions)).measureDefinitions,
    /** measures:read. Clients: what is due now, with kept drafts. */
    dueMeasures: async (requestOptions?: RequestOptions) => (await request(SdkDueMeasuresDocument, {}, requestOptions)).dueMeasures,
    /** measures:read. A client's own schedules, or (therapists) pass a client in their care. */
    measureSchedules: async (clientId?: string, requestOptions?: RequestOptions) =>
      (await request(SdkMeasureSchedulesDocument, { clientId }, requestOptions)).measureSchedules,
    /** measures:read. Completed measures, newest first. */
    measureResponses: list(SdkMeasureResponsesDocument, (data) => data.measureResponses),
    /** measures:read. Therapists: answers that signalled risk; waiting ones unless `includeAcknowledged`. */
    safetyFlags: list(SdkSafetyFlagsDocument, (data) => data.safetyFlags),
    /** No scope: published articles. */
    articles: list(SdkArticlesDocument, (data) => data.articles),
    /** No scope. Null when no published article has that slug. */
    article: async (slug: string, requestOptions?: RequestOptions) => (await request(SdkArticleDocument, { slug }, requestOptions)).article,

    /** sessions:write (and sessions:read for the answer). Therapists. */
    scheduleSession: async (input: ScheduleSessionInput, requestOptions?: RequestOptions) =>
      (await request(SdkScheduleSessionDocument, { input }, requestOptions)).scheduleSession,
    /** sessions:write and sessions:read */
    cancelSession: async (id: string, reason: string, requestOptions?: RequestOptions) =>
      (await request(SdkCancelSessionDocument, { id, reason }, requestOptions)).cancelSession,
    /** sessions:write and sessions:read. Therapists. */
    completeSession: async (id: string, requestOptions?: RequestOptions) => (await request(SdkCompleteSessionDocument, { id }, requestOptions)).completeSession,
    /** reflections:write and reflections:read. Clients. */
    writeReflection: async (input: WriteReflectionInput, requestOptions?: RequestOptions) =>
      (await request(SdkWriteReflectionDocument, { input }, requestOptions)).writeReflection,
    /** reflections:write and reflections:read. Clients. */
    shareReflection: async (id: string, requestOptions?: RequestOptions) => (await request(SdkShareReflectionDocument, { id }, requestOptions)).shareReflection,
    /** reflections:write and reflections:read. The client's therapist, shared reflections only. */
    respondToReflection: async (id: string, body: string, requestOptions?: RequestOptions) =>
      (await request(SdkRespondToReflectionDocument, { id, body }, requestOptions)).respondToReflection,
    /** checkins:write and checkins:read. Clients, for a completed session; each score 0–10. */
    submitCheckIn: async (input: SubmitCheckInInput, requestOptions?: RequestOptions) =>
      (await request(SdkSubmitCheckInDocument, { input }, requestOptions)).submitCheckIn,
    /** checkins:write and checkins:read. The client's therapist. */
    acknowledgeCheckIn: async (id: string, requestOptions?: RequestOptions) =>
      (await request(SdkAcknowledgeCheckInDocument, { id }, requestOptions)).acknowledgeCheckIn,
    /** measures:write and measures:read. Therapists, for a client in their care. */
    setMeasureSchedule: async (input: SetMeasureScheduleInput, requestOptions?: RequestOptions) =>
      (await request(SdkSetMeasureScheduleDocument, { input }, requestOptions)).setMeasureSchedule,
    /** measures:write. Clients: keep a partial answer (null for a question not answered yet). */
    saveMeasureDraft: async (input: MeasureAnswersInput, requestOptions?: RequestOptions) =>
      (await request(SdkSaveMeasureDraftDocument, { input }, requestOptions)).saveMeasureDraft,
    /**
     * measures:write and measures:read. Clients: every question answered. When `safetyConcern` is true,
     * show `crisisHtml` (the practice's crisis resources) to the person at once; their therapist has been told.
     */
    submitMeasure: async (input: MeasureAnswersInput, requestOptions?: RequestOptions) =>
      (await request(SdkSubmitMeasureDocument, { input }, requestOptions)).submitMeasure,
    /** measures:write and measures:read. The client's therapist, with a note of what they did. */
    acknowledgeSafetyFlag: async (id: string, note: string, requestOptions?: RequestOptions) =>
      (await request(SdkAcknowledgeSafetyFlagDocument, { id, note }, requestOptions)).acknowledgeSafetyFlag,
  };
}
export type AttuneClient = ReturnType<typeof createAttuneClient>;
