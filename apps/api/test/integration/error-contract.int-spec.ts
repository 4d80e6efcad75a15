import { getIntrospectionQuery } from 'graphql';
import type { Response } from 'supertest';
import { GRAPHQL_LIMITS } from '../../src/common/graphql-limits';
import { newApiToken, newPerson, signedIn } from '../auth';
import { startTestApp, type TestApp } from '../harness';

const ARTICLE_FIELDS = 'id slug title summary bodyMarkdown bodyHtml status publishedAt tags version updatedAt author { displayName }';

/** What every refusal must look like: one GraphQL-shaped error with a contract code and our request id. */
function expectRefusal(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
  expect(res.body.errors).toHaveLength(1);
  const [error] = res.body.errors;
  expect(error.extensions.code).toBe(code);
  expect(error.extensions.requestId).toBe(res.headers['x-request-id']);
  expect(error.message).not.toMatch(/Syntax Error|more that/);
  expect(res.headers['ratelimit-limit']).toBeDefined();
  expect(res.headers['ratelimit-remaining']).toBeDefined();
  expect(res.headers['ratelimit-reset']).toBeDefined();
  return error as { message: string; extensions: Record<string, unknown> };
}

const post = (t: TestApp, body: unknown, headers: Record<string, string> = {}) => {
  let req = t.http.post('/graphql').set('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  return req.send(body as object);
};

describe('the error contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('limit refusals are client errors naming the limit and the figures', () => {
    const deep = () => {
      // `__type` is measured with everything else (only `__schema` has a limit of its own).
      let selection = 'name';
      for (let i = 0; i < GRAPHQL_LIMITS.depth + 2; i++) selection = `ofType { ${selection} }`;
      return `{ __type(name: "Query") { fields { type { ${selection} } } } }`;
    };
    const cases: [string, () => string, string][] = [
      ['depth', deep, 'Query depth limit exceeded: this query is nested'],
      ['aliases', () => `{ ${Array.from({ length: GRAPHQL_LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`, 'Alias limit exceeded: this query uses 31 aliases; the limit is 30.'],
      ['directives', () => `{ ${'__typename @include(if: true) '.repeat(GRAPHQL_LIMITS.directives + 1)}}`, 'Directive limit exceeded: this query uses 21 directives; the limit is 20.'],
      ['cost', () => `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: articles(first: 100) { edges { node { ${ARTICLE_FIELDS} } } }`).join(' ')} }`, 'Query cost limit exceeded: this query would cost'],
    ];
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      it.each(cases)(`refuses over the %s limit with 400 (accepting ${accept})`, async (limit, query, message) => {
        const res = await post(t, { query: query() }, { accept });
        const error = expectRefusal(res, 400, 'BAD_USER_INPUT');
        expect(error.message.startsWith(message)).toBe(true);
        expect(error.extensions.limit).toBe(limit);
        expect(error.extensions.max).toBe(GRAPHQL_LIMITS[limit as keyof typeof GRAPHQL_LIMITS]);
        expect(error.extensions.found).toBeGreaterThan(error.extensions.max as number);
      });
    }

    it('refuses a document over the token limit in plain words', async () => {
      const res = await post(t, { query: `{ ${'__typename '.repeat(GRAPHQL_LIMITS.tokens)}}` });
      const error = expectRefusal(res, 400, 'BAD_USER_INPUT');
      expect(error.message).toBe(
        `Token limit exceeded: this document has more than ${GRAPHQL_LIMITS.tokens} tokens (names, values and punctuation); the limit is ${GRAPHQL_LIMITS.tokens}.`,
      );
      expect(error.extensions).toMatchObject({ limit: 'tokens', max: GRAPHQL_LIMITS.tokens });
    });
  });

  describe('the standard introspection query', () => {
    it('is answered while introspection is on, for GraphiQL and codegen tools', async () => {
      const res = await post(t, { query: getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true }) });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.__schema.queryType.name).toBe('Query');
    });

    it('is still bounded: a deeper introspection query is refused', async () => {
      let selection = 'name';
      for (let i = 0; i < GRAPHQL_LIMITS.introspectionDepth; i++) selection = `ofType { ${selection} }`;
      const error = expectRefusal(await post(t, { query: `{ __schema { types { fields { type { ${selection} } } } } }` }), 400, 'BAD_USER_INPUT');
      expect(error.extensions.limit).toBe('introspectionDepth');
    });
  });

  describe('requests refused before GraphQL runs get the same shape', () => {
    it('a body that is not JSON', async () => {
      const res = await t.http.post('/graphql').set('content-type', 'application/json').send('{"query": ');
      expect(expectRefusal(res, 400, 'BAD_USER_INPUT').message).toBe('The request body is not valid JSON.');
    });

    it('a body that is too large', async () => {
      const res = await post(t, { query: `{ __typename }`, variables: { padding: 'x'.repeat(200_000) } });
      expect(expectRefusal(res, 413, 'BAD_USER_INPUT').extensions.limit).toBe('bodySize');
    });

    it('a simple request a browser could send cross-site (CSRF prevention)', async () => {
      const res = await t.http.post('/graphql').set('content-type', 'text/plain').send('{"query":"{ __typename }"}');
      expectRefusal(res, 400, 'BAD_USER_INPUT');
    });
  });

  describe('credentials that are not live', () => {
    const anyOperation = { query: '{ articles(first: 1) { edges { cursor } } }' };

    it('answers a revoked, expired or unknown bearer token with 401 and invalid_token, even on public fields', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const revoked = await newApiToken(t.dataSource, client, ['account:read']);
      await t.dataSource.query(`UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1`, [client.id]);
      const expired = await newApiToken(t.dataSource, client, ['account:read']);
      await t.dataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`, [client.id]);
      for (const secret of [revoked, expired, 'atn_not-a-token-we-made', '']) {
        const res = await post(t, anyOperation, { authorization: `Bearer ${secret}` });
        expect(expectRefusal(res, 401, 'UNAUTHENTICATED').message).toMatch(/API token is not valid/);
        expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      }
    });

    it('answers another scheme with 401 and a Bearer challenge', async () => {
      for (const authorization of ['Token atn_abc', 'Basic dXNlcjpwYXNz']) {
        const res = await post(t, anyOperation, { authorization });
        expectRefusal(res, 401, 'UNAUTHENTICATED');
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    });

    it('leaves a live token, a session cookie and anonymous callers as they were', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const token = await newApiToken(t.dataSource, client, ['account:read']);
      const byToken = await post(t, { query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
      expect(byToken.body.data.me.id).toBe(client.id);
      const agent = await signedIn(t, client);
      const byCookie = await agent.post('/graphql').set('content-type', 'application/json').send({ query: '{ me { id } }' });
      expect(byCookie.body.data.me.id).toBe(client.id);
      const anonymous = await post(t, anyOperation);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body.errors).toBeUndefined();
    });
  });
});

describe('rate limits count refused requests too', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('spends a point on a refused request, then answers RATE_LIMITED in the same shape, with Retry-After', async () => {
    const first = await t.http.post('/graphql').set('content-type', 'application/json').send('not json');
    expectRefusal(first, 400, 'BAD_USER_INPUT');
    expect(first.headers['ratelimit-remaining']).toBe('2');
    const second = await post(t, { query: '{ __typename }' }, { authorization: 'Basic dXNlcjpwYXNz' });
    expectRefusal(second, 401, 'UNAUTHENTICATED');
    expect(second.headers['ratelimit-remaining']).toBe('1');
    const third = await post(t, { query: '{ __typename }' });
    expect(third.status).toBe(200);
    expect(third.headers['ratelimit-remaining']).toBe('0');
    const refused = await post(t, { query: '{ __typename }' });
    expect(expectRefusal(refused, 429, 'RATE_LIMITED').extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('introspection off (production)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('refuses the standard introspection query', async () => {
    const res = await post(t, { query: getIntrospectionQuery() });
    expectRefusal(res, 400, 'BAD_USER_INPUT');
  });
});
