import request from 'supertest';
import type { Logger } from 'typeorm';
import { createApp } from '../../src/app';
import { createLogger } from '../../src/common/logger';
import { SessionCache } from '../../src/modules/identity/session-cache';
import { newPerson, signedIn, SIGN_IN } from '../auth';
import { FACTORY_PASSWORD } from '../factories/user.factory';
import { browser, gql, startTestApp, type TestApp } from '../harness';

const ME = '{ me { id email displayName role } }';

/** Counts the statements that read or write sign-in sessions while `work` runs. */
async function sessionStatements(t: TestApp, work: () => Promise<unknown>) {
  const original = t.dataSource.logger;
  let count = 0;
  t.dataSource.logger = new Proxy(original, {
    get(target, prop: keyof Logger) {
      if (prop === 'logQuery') return (sql: string) => void (/auth_sessions/.test(sql) && count++);
      return target[prop];
    },
  });
  try {
    await work();
  } finally {
    t.dataSource.logger = original;
  }
  return count;
}

describe('the sign-in lookup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers a signed-in request without a statement once the session has been looked up, and `me` with none at all', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const agent = await signedIn(t, client);
    await gql(agent, ME);
    let result: Awaited<ReturnType<typeof gql>> | undefined;
    const statements = await sessionStatements(t, async () => (result = await gql(agent, ME)));
    expect(statements).toBe(0);
    expect(result!.data).toEqual({ me: { id: client.id, email: client.email, displayName: client.displayName, role: 'CLIENT' } });
  });

  it('forgets a session the moment it ends: sign-out, another device ending it, deactivation', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const phone = await signedIn(t, client);
    const laptop = await signedIn(t, client);
    expect((await gql(phone, ME)).data).toEqual({ me: expect.objectContaining({ id: client.id }) });
    // The laptop ends every other session: the phone's next request is anonymous, with its entry still fresh.
    expect((await gql(laptop, 'mutation { endOtherSessions(password: null) }')).errors).toBeUndefined();
    expect((await gql(phone, ME)).data).toEqual({ me: null });

    expect((await gql(laptop, ME)).data).toEqual({ me: expect.objectContaining({ id: client.id }) });
    await gql(laptop, 'mutation { signOut }');
    expect((await gql(laptop, ME)).data).toEqual({ me: null });

    const tablet = await signedIn(t, client);
    expect((await gql(tablet, ME)).data).toEqual({ me: expect.objectContaining({ id: client.id }) });
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const adminBrowser = await signedIn(t, admin);
    expect((await gql(adminBrowser, 'mutation($id: ID!) { deactivateUser(id: $id) }', { id: client.id })).errors).toBeUndefined();
    expect((await gql(tablet, ME)).data).toEqual({ me: null });
  });
});

describe('several API processes on one database and one Redis', () => {
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  let t: TestApp;
  let other: Awaited<ReturnType<typeof createApp>>;
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: redisUrl });
    other = await createApp(t.config, t.dataSource, createLogger('silent'));
    // Only the message through Redis can explain a drop within the test: the entries would live for ten minutes.
    for (const app of [t.app, other]) app.get(SessionCache).lifetimeMs = 600_000;
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('ends a session everywhere: a sign-out on one process is refused at once by the other', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const here = browser(t);
    const signIn = await here.post('/graphql').set('content-type', 'application/json').send({ query: SIGN_IN, variables: { email: client.email, password: FACTORY_PASSWORD } });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const there = () => gql(request(other.getHttpServer()), ME, {}, { cookie });

    // A sign-in on one process works on the other (and is now remembered there).
    expect((await there()).data).toEqual({ me: expect.objectContaining({ id: client.id }) });
    await gql(here, 'mutation { signOut }');
    let me: unknown = 'not asked';
    for (let attempt = 0; attempt < 50 && me !== null; attempt++) {
      me = (await there()).data?.me;
      if (me !== null) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(me).toBeNull();
  });
});
