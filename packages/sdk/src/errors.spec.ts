import { createAttuneClient } from './client.js';
import { AttuneApiError, codeForStatus, toResult } from './errors.js';
import { SdkClientDocument, SdkMeDocument, SdkShareReflectionDocument } from './generated/graphql.js';

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** A client whose fetch answers from a list, recording what it was sent. */
function clientAnswering(...answers: (Answer | Error)[]) {
  const sent: RequestInit[] = [];
  const fakeFetch = (async (_url: string, init: RequestInit) => {
    sent.push(init);
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    if (answer instanceof Error) throw answer;
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
  }) as typeof fetch;
  return { sent, attune: createAttuneClient({ url: 'http://attune.test/graphql', token: 'atn_test', fetch: fakeFetch, retries: 2 }) };
}

const scopeRefusal = {
  errors: [
    {
      message: 'This token does not have the "caseload:read" scope, which Query.caseload needs.',
      extensions: { code: 'FORBIDDEN', reason: 'MISSING_SCOPE', field: 'Query.caseload', scopes: ['caseload:read'], requestId: 'req-1' },
    },
  ],
};

const partial = {
  data: { client: { id: 'c1', displayName: 'Morgan', email: 'm@attune.test', therapist: null, relationship: null } },
  errors: [
    { message: 'Something failed.', path: ['client', 'relationship'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-2' } },
    { message: 'Not yours.', path: ['client', 'therapist'], extensions: { code: 'NOT_FOUND', requestId: 'req-2' } },
  ],
};

describe('error mapping', () => {
  it('throws a scope refusal as AttuneApiError with its code, reason, request id, status and extensions', async () => {
    const { attune } = clientAnswering({ status: 403, body: scopeRefusal });
    const error = await attune.caseload.page({ first: 5 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AttuneApiError);
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MISSING_SCOPE',
      requestId: 'req-1',
      status: 403,
      extensions: { field: 'Query.caseload', scopes: ['caseload:read'] },
      data: null,
    });
  });

  it('keeps the partial data and every error on the thrown error', async () => {
    const { attune } = clientAnswering({ status: 200, body: partial });
    const error = (await attune.client('c1').catch((caught: unknown) => caught)) as AttuneApiError;
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.path).toEqual(['client', 'relationship']);
    expect(error.data).toEqual(partial.data);
    expect(error.errors.map((each) => each.code)).toEqual(['INTERNAL_SERVER_ERROR', 'NOT_FOUND']);
    expect(error.errors[0]).toBe(error);
  });

  it('returns data and errors side by side from requestWithErrors, without throwing', async () => {
    const { attune } = clientAnswering({ status: 200, body: partial });
    const result = await attune.requestWithErrors(SdkClientDocument, { id: 'c1' });
    expect(result.data).toEqual(partial.data);
    expect(result.status).toBe(200);
    expect(result.errors.map((each) => [each.code, each.path])).toEqual([
      ['INTERNAL_SERVER_ERROR', ['client', 'relationship']],
      ['NOT_FOUND', ['client', 'therapist']],
    ]);
    expect(result.errors[1]!.data).toEqual(partial.data);
  });

  it('returns no errors for a success', async () => {
    const me = { id: 'u1', email: 'a@attune.test', displayName: 'A', role: 'CLIENT' };
    const { attune } = clientAnswering({ status: 200, body: { data: { me } } });
    expect(await attune.requestWithErrors(SdkMeDocument)).toEqual({ data: { me }, errors: [], status: 200 });
  });

  it('keeps clinical data out of what a log prints or serializes', async () => {
    const { attune } = clientAnswering({ status: 200, body: partial });
    const error = (await attune.client('c1').catch((caught: unknown) => caught)) as AttuneApiError;
    expect(JSON.stringify(error)).not.toContain('Morgan');
    expect(Object.keys(error)).not.toContain('data');
  });

  it('reads the field errors of BAD_USER_INPUT and the wait of RATE_LIMITED', async () => {
    const { attune } = clientAnswering(
      { status: 200, body: { data: null, errors: [{ message: 'Some of what was sent needs another look.', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['endsAt'], message: 'Later, please.' }] } }] } },
      { status: 429, body: { errors: [{ message: 'Slow down.', extensions: { code: 'RATE_LIMITED', requestId: 'req-3' } }] }, headers: { 'retry-after': '17' } },
    );
    const invalid = (await attune.me().catch((caught: unknown) => caught)) as AttuneApiError;
    expect(invalid).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['endsAt'], message: 'Later, please.' }] });
    const limited = (await attune.me().catch((caught: unknown) => caught)) as AttuneApiError;
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 17, requestId: 'req-3' });
  });

  it('maps an answer that is not GraphQL from its HTTP status, with the request id header', () => {
    const result = toResult(undefined, { status: 401, requestId: 'req-4' });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, requestId: 'req-4' });
    expect(toResult({ data: { me: null } }, { status: 200 }).errors).toEqual([]);
    expect([400, 403, 404, 409, 413, 429, 500, 502, 503].map(codeForStatus)).toEqual([
      'BAD_USER_INPUT',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'BAD_USER_INPUT',
      'RATE_LIMITED',
      'INTERNAL_SERVER_ERROR',
      'SERVICE_UNAVAILABLE',
      'SERVICE_UNAVAILABLE',
    ]);
  });
});

describe('Idempotency-Key', () => {
  const reflection = { id: 'r1', body: 'b', mood: 3, shared: true, sharedAt: null, readByTherapistAt: null, createdAt: '2026-12-01T00:00:00Z', client: { id: 'c', displayName: 'C' }, responses: [] };
  const keyOf = (init: RequestInit) => (init.headers as Record<string, string>)['idempotency-key'];

  it('sends the same key again when a mutation’s answer was lost, and a fresh key for the next mutation', async () => {
    const { attune, sent } = clientAnswering(
      new TypeError('fetch failed'),
      { status: 503, body: '<html>unavailable</html>' },
      { status: 200, body: { data: { shareReflection: reflection } } },
      { status: 200, body: { data: { shareReflection: reflection } } },
    );
    await attune.shareReflection('r1');
    await attune.shareReflection('r1');
    expect(sent).toHaveLength(4);
    expect(keyOf(sent[0]!)).toMatch(/^[0-9a-f-]{36}$/);
    expect(keyOf(sent[1]!)).toBe(keyOf(sent[0]!));
    expect(keyOf(sent[2]!)).toBe(keyOf(sent[0]!));
    expect(keyOf(sent[3]!)).not.toBe(keyOf(sent[0]!));
  });

  it('uses the caller’s key, and sends none with a query', async () => {
    const { attune, sent } = clientAnswering(
      { status: 200, body: { data: { shareReflection: reflection } } },
      { status: 200, body: { data: { me: null } } },
    );
    await attune.request(SdkShareReflectionDocument, { id: 'r1' }, { idempotencyKey: 'my-key-1' });
    await attune.me();
    expect(keyOf(sent[0]!)).toBe('my-key-1');
    expect(keyOf(sent[1]!)).toBeUndefined();
  });

  it('gives up after its retries with the last answer mapped', async () => {
    const { attune, sent } = clientAnswering(
      { status: 503, body: 'down' },
      { status: 503, body: 'down' },
      { status: 503, body: { errors: [{ message: 'The database could not be reached.', extensions: { code: 'SERVICE_UNAVAILABLE', requestId: 'req-5' } }] } },
    );
    await expect(attune.shareReflection('r1')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', requestId: 'req-5', status: 503 });
    expect(sent).toHaveLength(3);
  });
});
