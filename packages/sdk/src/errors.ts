/** The codes every Attune error carries in `extensions.code` (docs/api.md, "Errors"). */
export type AttuneErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** One invalid field of a `BAD_USER_INPUT` answer. */
export interface AttuneFieldError {
  path: (string | number)[];
  message: string;
}

/** An error as it travels in a GraphQL response body. */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** What the API answered to one request: the data it could read and the errors beside it. */
export interface AttuneResult<TData> {
  /** Null when nothing ran (a refusal before the operation, a transport error); otherwise what was read, possibly partial. */
  data: TData | null;
  /** Empty on success. */
  errors: AttuneApiError<TData>[];
  /** The HTTP status of the answer. */
  status: number;
}

interface ErrorDetails {
  code: string;
  status: number;
  reason?: string;
  requestId?: string;
  path?: (string | number)[];
  fields?: AttuneFieldError[];
  retryAfterSeconds?: number;
  extensions?: Record<string, unknown>;
}

/**
 * An error answered by the API. Program against `code` (and `reason`), never the message; quote
 * `requestId` when asking for help. `data` and `errors` hold the whole answer it came in.
 */
export class AttuneApiError<TData = unknown> extends Error {
  /** One of AttuneErrorCode; typed as string so a code added later still reaches you. */
  readonly code: AttuneErrorCode | (string & {});
  /** Finer than the code where the API gives one: `MISSING_SCOPE`, `RECENT_SIGN_IN_REQUIRED`, `IDEMPOTENCY_KEY_REUSED`, … */
  readonly reason: string | undefined;
  readonly requestId: string | undefined;
  /** The HTTP status of the answer (200 for an error beside data). */
  readonly status: number;
  /** Where in the data the error happened, for an error beside partial data. */
  readonly path: (string | number)[] | undefined;
  /** `BAD_USER_INPUT`: which fields to change. */
  readonly fields: AttuneFieldError[];
  /** `RATE_LIMITED`: how long to wait before sending again. */
  readonly retryAfterSeconds: number | undefined;
  /** Every extension the API sent (`field`, `scopes`, `limit`, `max`, …). */
  readonly extensions: Record<string, unknown>;
  // Kept private behind getters so logging or serializing an error never prints the clinical data it carries.
  #result: AttuneResult<TData> | undefined;

  constructor(message: string, details: ErrorDetails) {
    super(message);
    this.name = 'AttuneApiError';
    this.code = details.code;
    this.reason = details.reason;
    this.requestId = details.requestId;
    this.status = details.status;
    this.path = details.path;
    this.fields = details.fields ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.extensions = details.extensions ?? {};
  }

  /** The data answered beside the errors (partial data); null when nothing ran. */
  get data(): TData | null {
    return this.#result?.data ?? null;
  }

  /** Every error of the answer, this one first. */
  get errors(): AttuneApiError<TData>[] {
    return this.#result?.errors ?? [this];
  }

  /** @internal Ties the error to the answer it came in. */
  attach(result: AttuneResult<TData>): this {
    this.#result = result;
    return this;
  }
}

/** What a bare HTTP status means when no GraphQL error came with it (a proxy's page, an empty body). */
export function codeForStatus(status: number): AttuneErrorCode {
  if (status === 400 || status === 413) return 'BAD_USER_INPUT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  return 'INTERNAL_SERVER_ERROR';
}

const stringOr = (value: unknown, fallback?: string) => (typeof value === 'string' ? value : fallback);
const numberOr = (value: unknown, fallback?: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** The parts of an HTTP answer the mapping reads, so it can be tested without a server. */
export interface AnswerHeaders {
  status: number;
  requestId?: string;
  retryAfterSeconds?: number;
}

/**
 * Turns a GraphQL response body into data and AttuneApiErrors, in one place. An answer with neither
 * errors nor data (or that is not GraphQL at all) becomes one error coded from its HTTP status.
 */
export function toResult<TData>(body: { data?: TData | null; errors?: GraphQLErrorBody[] } | undefined, answer: AnswerHeaders): AttuneResult<TData> {
  const data = body?.data ?? null;
  const errors = (body?.errors ?? []).map((error) => {
    const extensions = error.extensions ?? {};
    return new AttuneApiError<TData>(error.message, {
      code: stringOr(extensions.code, codeForStatus(answer.status))!,
      status: answer.status,
      reason: stringOr(extensions.reason),
      requestId: stringOr(extensions.requestId, answer.requestId),
      path: error.path,
      fields: Array.isArray(extensions.fields) ? (extensions.fields as AttuneFieldError[]) : [],
      retryAfterSeconds: numberOr(extensions.retryAfterSeconds, answer.retryAfterSeconds),
      extensions,
    });
  });
  if (errors.length === 0 && (data === null || answer.status >= 300)) {
    errors.push(
      new AttuneApiError<TData>(`The API answered HTTP ${answer.status} without a GraphQL result.`, {
        code: codeForStatus(answer.status),
        status: answer.status,
        requestId: answer.requestId,
        retryAfterSeconds: answer.retryAfterSeconds,
      }),
    );
  }
  const result: AttuneResult<TData> = { data, errors, status: answer.status };
  for (const error of errors) error.attach(result);
  return result;
}
