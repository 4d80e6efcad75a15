import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
// The SDK as a consumer uses it (its source: the API does not depend on the SDK package).
import { createAttuneClient } from '../../../../packages/sdk/src/client';
import { IdempotencyKeysService } from '../../src/modules/idempotency/idempotency-keys.service';
import { ReflectionEntity } from '../../src/modules/reflections/reflection.entity';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newApiToken, newPerson, SIGN_IN, signedIn } from '../auth';
import { FACTORY_PASSWORD } from '../factories/user.factory';
import { browser, gql, startTestApp, type Http, type TestApp } from '../harness';

const WRITE = 'mutation Write($body: String!) { writeReflection(input: { body: $body }) { id body } }';

describe('Idempotency-Key on mutations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const reflectionsOf = (client: UserEntity) => t.dataSource.getRepository(ReflectionEntity).countBy({ clientId: client.id });
  const write = (as: Http, body: string, key?: string) => gql<{ writeReflection: { id: string; body: string } }>(as, WRITE, { body }, key === undefined ? {} : { 'Idempotency-Key': key });

  async function aClient() {
    const client = await newPerson(t.dataSource, 'CLIENT');
    return { client, as: await signedIn(t, client) };
  }

  it('does the work once for the same key sent twice, and answers the retry with the first answer', async () => {
    const { client, as } = await aClient();
    const key = randomUUID();
    const first = await write(as, 'A quiet walk helped.', key);
    expect(first.errors).toBeUndefined();
    const retry = await write(as, 'A quiet walk helped.', key);
    expect(retry.data).toEqual(first.data);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await reflectionsOf(client)).toBe(1);
  });

  it('does the work again for a new key', async () => {
    const { client, as } = await aClient();
    await write(as, 'Same words.', randomUUID());
    await write(as, 'Same words.', randomUUID());
    await write(as, 'Same words.');
    expect(await reflectionsOf(client)).toBe(3);
  });

  it('refuses the same key with a different request, with a reason, and changes nothing', async () => {
    const { client, as } = await aClient();
    const key = randomUUID();
    await write(as, 'The first words.', key);
    const other = await write(as, 'Other words.', key);
    expect(other.data ?? null).toBeNull();
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(other.errors![0]!.message).toMatch(/already used for a different request/);
    expect(await reflectionsOf(client)).toBe(1);
  });

  it.each([
    ['an empty key', ''],
    ['an over-long key', 'k'.repeat(256)],
    ['a non-ASCII key', 'schlüssel'],
  ])('refuses %s with BAD_USER_INPUT before anything runs', async (_, key) => {
    const { client, as } = await aClient();
    const refused = await write(as, 'Should not be kept.', key);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_MALFORMED' });
    expect(refused.errors![0]!.message).toMatch(/1 to 255 printable ASCII/);
    expect(await reflectionsOf(client)).toBe(0);
  });

  it('makes one record when the same key arrives twice at once', async () => {
    const { client, as } = await aClient();
    const key = randomUUID();
    const answers = await Promise.all([write(as, 'Sent twice at once.', key), write(as, 'Sent twice at once.', key)]);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(answers[0]!.data).toEqual(answers[1]!.data);
    expect(await reflectionsOf(client)).toBe(1);
  });

  // On the embedded database (one connection) a held key is held by the only connection: nothing else to show there.
  (process.env.TEST_DATABASE_URL ? it : it.skip)('answers CONFLICT, with nothing done, while another request holds the key for too long', async () => {
    const { client, as } = await aClient();
    const key = randomUUID();
    // Another request's claim, not yet committed.
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`INSERT INTO idempotency_keys (principal, key, request_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`, [
      `user:${client.id}`,
      key,
      '0'.repeat(64),
    ]);
    try {
      const waited = await write(as, 'Held elsewhere.', key);
      expect(waited.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_IN_PROGRESS' });
      expect(await reflectionsOf(client)).toBe(0);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    // The holder gave up (rolled back): the key is free, and the retry does the work.
    const retried = await write(as, 'Held elsewhere.', key);
    expect(retried.errors).toBeUndefined();
    expect(await reflectionsOf(client)).toBe(1);
  });

  it('keeps keys apart per person, and per token', async () => {
    const one = await aClient();
    const two = await aClient();
    const token = await newApiToken(t.dataSource, one.client, ['reflections:read', 'reflections:write']);
    const key = randomUUID();
    const byOne = await write(one.as, 'Mine.', key);
    const byTwo = await write(two.as, 'Mine.', key);
    const byToken = await gql(t.http, WRITE, { body: 'Mine.' }, { 'Idempotency-Key': key, authorization: `Bearer ${token}` });
    expect(byTwo.data).not.toEqual(byOne.data);
    expect(byToken.errors).toBeUndefined();
    expect(byToken.data).not.toEqual(byOne.data);
    expect(await reflectionsOf(one.client)).toBe(2);
    expect(await reflectionsOf(two.client)).toBe(1);
  });

  it('keeps a refusal the mutation itself gave, and answers its retry with it', async () => {
    const { client, as } = await aClient();
    const key = randomUUID();
    const refused = await write(as, '', key);
    expect(refused.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    const retry = await write(as, '', key);
    expect(retry.errors).toEqual(refused.errors);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await reflectionsOf(client)).toBe(0);
  });

  it('runs queries with a key as they are', async () => {
    const { as } = await aClient();
    const key = randomUUID();
    const first = await gql<{ me: { id: string } }>(as, '{ me { id } }', {}, { 'Idempotency-Key': key });
    const second = await gql<{ me: { id: string } }>(as, '{ me { id } }', {}, { 'Idempotency-Key': key });
    expect(first.data!.me.id).toBeTruthy();
    expect(second.data).toEqual(first.data);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
  });

  it('runs an anonymous mutation (signing in) as it is: there is nobody to keep the key for', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const key = randomUUID();
    for (let attempt = 0; attempt < 2; attempt++) {
      const agent = browser(t);
      const result = await gql(agent, SIGN_IN, { email: client.email, password: FACTORY_PASSWORD }, { 'Idempotency-Key': key });
      expect(result.errors).toBeUndefined();
      expect(String(result.headers['set-cookie'])).toMatch(/=/);
    }
  });

  it('forgets answers after their 24 hours: the expired are deleted, and the key can be used again', async () => {
    const { client, as } = await aClient();
    const key = randomUUID();
    await write(as, 'Kept a day.', key);
    await t.dataSource.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE key = $1`, [key]);
    expect(await t.app.get(IdempotencyKeysService).deleteExpired()).toBeGreaterThanOrEqual(1);
    expect(await t.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toEqual([]);
    const again = await write(as, 'Kept a day.', key);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await reflectionsOf(client)).toBe(2);
  });

  it('the SDK sends a key with each mutation and the same key when it retries a lost answer: done once', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const token = await newApiToken(t.dataSource, client, ['reflections:read', 'reflections:write']);
    await t.app.listen(0, '127.0.0.1');
    const keysSent: (string | null)[] = [];
    let answersToLose = 1;
    // The request reaches the API and is done; its answer is lost on the way back.
    const losingFetch: typeof fetch = async (url, init) => {
      keysSent.push(new Headers(init?.headers).get('idempotency-key'));
      const response = await fetch(url, init);
      if (answersToLose-- > 0) {
        await response.text();
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const sdk = createAttuneClient({ url: `${await t.app.getUrl()}/graphql`, token, fetch: losingFetch });
    const written = await sdk.request(parse(WRITE), { body: 'Saved on a train.' });
    expect(written).toEqual({ writeReflection: { id: expect.any(String), body: 'Saved on a train.' } });
    expect(keysSent).toHaveLength(2);
    expect(keysSent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keysSent[1]).toBe(keysSent[0]);
    expect(await reflectionsOf(client)).toBe(1);

    await sdk.request(parse(WRITE), { body: 'Saved on a train.' });
    expect(keysSent[2]).not.toBe(keysSent[0]);
    expect(await reflectionsOf(client)).toBe(2);
  });
});
