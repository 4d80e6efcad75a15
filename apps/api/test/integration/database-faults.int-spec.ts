import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../../src/database/data-source';
import { newPerson } from '../auth';
import { FACTORY_PASSWORD } from '../factories/user.factory';
import { createTestDatabase, TEST_APP_SECRET, type TestDatabase } from '../harness';

/**
 * Faults a database server can have (connections cut, the database away, the API stopped or killed),
 * tried on the built server as an operator runs it. They need a real PostgreSQL server to cut.
 */
const server = process.env.TEST_DATABASE_URL;
const onPostgres = server ? describe : describe.skip;
if (!server) process.stdout.write('database-faults: skipped, these tests cut PostgreSQL connections; set TEST_DATABASE_URL to run them.\n');

const DIST = path.resolve(__dirname, '../../dist');
const WRITE = 'mutation($body: String!) { writeReflection(input: { body: $body }) { id } }';

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  exited: Promise<number | null>;
}

/** Starts dist/main.js on a loopback port and waits for its start-up line. */
async function startServer(database: TestDatabase, port: number): Promise<Running> {
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    DATABASE_URL: database.config.DATABASE_URL!,
    DATABASE_CONNECT_TIMEOUT_MS: '2000',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_SECRET: TEST_APP_SECRET,
    SEED_DEMO_DATA: 'never',
    PORTAL_DIST: '/nonexistent',
    API_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'info',
  };
  const child = spawn(process.execPath, [path.join(DIST, 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => stdout.includes('GraphQL:') && resolve());
    void exited.then(() => reject(new Error(`the server exited early: ${stderr}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, stdout: () => stdout, exited };
}

/** Signs a client in over HTTP and returns the cookie their browser would send. */
async function signInCookie(url: string, email: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { user { id } } }', variables: { e: email, p: FACTORY_PASSWORD } }),
  });
  const cookie = res.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  expect(cookie).toMatch(/attune_session=/);
  return cookie;
}

type Outcome = { ok: true; id: string } | { ok: false; code: string };

async function write(url: string, cookie: string, body: string, idempotencyKey?: string): Promise<Outcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json', cookie, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) };
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: WRITE, variables: { body } }) });
  const json = (await res.json()) as { data?: { writeReflection: { id: string } | null } | null; errors?: { extensions: { code: string } }[] };
  const id = json.data?.writeReflection?.id;
  return id ? { ok: true, id } : { ok: false, code: json.errors?.[0]?.extensions.code ?? `HTTP ${res.status}` };
}

/** A connection the cuts spare: to the test database to hold locks and read what was kept, or to the server's own to watch and cut. */
async function connect(connectionString: string) {
  const client = new Client({ connectionString });
  await client.connect();
  return client;
}

const databaseName = (database: TestDatabase) => new URL(database.config.DATABASE_URL!).pathname.slice(1);

/** Ends every connection to the test database but `spared`'s, as a restart or failover would. */
async function terminateOthers(watcher: Client, database: TestDatabase, spared: Client) {
  const { rows } = await watcher.query<{ n: number }>(
    'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> $2',
    [databaseName(database), await backendPid(spared)],
  );
  return rows[0]!.n;
}

const backendPid = async (client: Client) => (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

/** Waits until `count` statements wait on a lock (watched from outside any transaction, whose view would stand still). */
async function waitForLockWaiters(watcher: Client, database: TestDatabase, count: number) {
  for (;;) {
    const { rows } = await watcher.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
      [databaseName(database)],
    );
    if (rows[0]!.n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every reflection the client has, each with how many `reflection.written` audit rows it has. */
async function reflectionsWithAudit(admin: Client, clientId: string) {
  const { rows } = await admin.query<{ id: string; audits: number }>(
    `SELECT r.id, (SELECT count(*)::int FROM audit_events a WHERE a.action = 'reflection.written' AND a.target_id = r.id::text) AS audits
       FROM reflections r WHERE r.client_id = $1`,
    [clientId],
  );
  const orphans = await admin.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_events a WHERE a.action = 'reflection.written' AND a.subject_user_id = $1
       AND NOT EXISTS (SELECT 1 FROM reflections r WHERE r.id::text = a.target_id)`,
    [clientId],
  );
  return { byId: new Map(rows.map((row) => [row.id, row.audits])), orphanAudits: orphans.rows[0]!.n };
}

onPostgres('the API and a database that fails', () => {
  jest.setTimeout(180_000);
  let database: TestDatabase;
  let running: Running | null = null;
  let admin: Client;
  let watcher: Client;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    running = null;
    await watcher?.query(`ALTER DATABASE ${databaseName(database)} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await watcher?.end().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    await database.drop();
  });

  async function startWithClient(port: number) {
    running = await startServer(database, port);
    admin = await connect(database.config.DATABASE_URL!);
    watcher = await connect(server!);
    // The test's own pool closes before the faults, so every other connection on the database is the server's.
    const handle = await openDatabase(database.config);
    const client = await newPerson(handle.dataSource, 'CLIENT').finally(() => handle.close());
    return { client, cookie: await signInCookie(running.url, client.email) };
  }

  it('answers SERVICE_UNAVAILABLE when every connection is cut mid-stream, then carries on; every acknowledged write is kept, and each cut-off write retried with its key is written once', async () => {
    const { client, cookie } = await startWithClient(3150);
    const url = running!.url;
    const acknowledged: string[] = [];
    const failures: string[] = [];
    const record = (outcome: Outcome) => (outcome.ok ? acknowledged.push(outcome.id) : failures.push(outcome.code));

    for (let i = 0; i < 10; i++) record(await write(url, cookie, `before the cut ${i}`));

    // Three writes wait on a lock, so connections are busy in the middle of their work when the cut comes.
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE reflections IN EXCLUSIVE MODE');
    // Each carries an Idempotency-Key, as the portal and the SDK send, so it can be retried safely below.
    const keys = [0, 1, 2].map((i) => `cut-${i}-${client.id}`);
    const inFlight = [0, 1, 2].map((i) => write(url, cookie, `during the cut ${i}`, keys[i]));
    await waitForLockWaiters(watcher, database, 3);
    expect(await terminateOthers(watcher, database, admin)).toBeGreaterThanOrEqual(3);
    await admin.query('COMMIT');
    const during = await Promise.all(inFlight);
    expect(during.map((outcome) => (outcome.ok ? 'ok' : outcome.code))).toEqual(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);

    // Without a restart: a few requests may still meet a dead connection (each then leaves the pool), then all succeed.
    let inARow = 0;
    for (let i = 0; inARow < 10; i++) {
      expect(i).toBeLessThan(40);
      const outcome = await write(url, cookie, `after the cut ${i}`);
      record(outcome);
      inARow = outcome.ok ? inARow + 1 : 0;
    }

    // The writes that were never acknowledged, retried with their keys: each is written now, exactly once,
    // and a second retry gets the same answer back instead of a second record.
    const retried = await Promise.all(keys.map((key, i) => write(url, cookie, `during the cut ${i}`, key)));
    expect(retried.every((outcome) => outcome.ok)).toBe(true);
    const retriedIds = retried.map((outcome) => (outcome.ok ? outcome.id : ''));
    expect(new Set(retriedIds).size).toBe(3);
    expect(await Promise.all(keys.map((key, i) => write(url, cookie, `during the cut ${i}`, key)))).toEqual(retried);
    acknowledged.push(...retriedIds);

    expect(failures.every((code) => code === 'SERVICE_UNAVAILABLE')).toBe(true);
    const kept = await reflectionsWithAudit(admin, client.id);
    for (const id of acknowledged) expect(kept.byId.get(id)).toBe(1);
    // The writes cut off were rolled back whole: nothing beyond what was acknowledged, nothing without its audit row.
    expect(kept.byId.size).toBe(acknowledged.length);
    expect(kept.orphanAudits).toBe(0);
  });

  it('says 503 at /readyz while the database is away, and ready again when it is back', async () => {
    const { cookie } = await startWithClient(3151);
    const url = running!.url;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    await watcher.query(`ALTER DATABASE ${databaseName(database)} ALLOW_CONNECTIONS false`);
    await terminateOthers(watcher, database, admin);
    const away = await fetch(`${url}/readyz`);
    expect(away.status).toBe(503);
    expect(await away.json()).toMatchObject({ status: 'not ready', database: 'unreachable' });
    expect(await write(url, cookie, 'while the database is away')).toEqual({ ok: false, code: 'SERVICE_UNAVAILABLE' });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // The routes beside GraphQL say the same: 503, try again shortly, not a 500.
    const feed = await fetch(`${url}/feed.xml`);
    expect([feed.status, feed.headers.get('retry-after')]).toEqual([503, '5']);
    expect(await feed.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
    const page = await fetch(`${url}/articles`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('Nothing was lost');

    await watcher.query(`ALTER DATABASE ${databaseName(database)} ALLOW_CONNECTIONS true`);
    let status = 0;
    for (let attempt = 0; status !== 200 && attempt < 12; attempt++) status = (await fetch(`${url}/readyz`)).status;
    expect(status).toBe(200);
    expect(await write(url, cookie, 'after the database came back')).toMatchObject({ ok: true });
  });

  it('on SIGTERM stops accepting, finishes the request in flight, closes the pool and exits 0', async () => {
    const { client, cookie } = await startWithClient(3152);
    const url = running!.url;
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE reflections IN EXCLUSIVE MODE');
    const inFlight = write(url, cookie, 'written as the server stops');
    await waitForLockWaiters(watcher, database, 1);

    running!.child.kill('SIGTERM');
    for (;;) {
      if (running!.stdout().includes('Shutting down')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    await admin.query('COMMIT');
    const outcome = await inFlight;
    expect(outcome).toMatchObject({ ok: true });
    expect(await running!.exited).toBe(0);
    const kept = await reflectionsWithAudit(admin, client.id);
    expect(kept.byId.get((outcome as { id: string }).id)).toBe(1);
  });

  it('after kill -9 mid-stream keeps every acknowledged write with its audit row, and no write without one', async () => {
    const { client, cookie } = await startWithClient(3153);
    const url = running!.url;
    const acknowledged: string[] = [];
    let killed = false;
    const worker = async (n: number) => {
      for (let i = 0; ; i++) {
        let outcome: Outcome;
        try {
          outcome = await write(url, cookie, `stream ${n}-${i}`);
        } catch {
          return; // the server is gone: this request was never acknowledged
        }
        if (outcome.ok) acknowledged.push(outcome.id);
        if (acknowledged.length >= 40 && !killed) {
          killed = true;
          running!.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(worker));
    await running!.exited;

    // The killed process's sessions end when PostgreSQL notices; only then is the outcome final.
    for (;;) {
      const { rows } = await watcher.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> $2',
        [databaseName(database), await backendPid(admin)],
      );
      if (rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const kept = await reflectionsWithAudit(admin, client.id);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    for (const id of acknowledged) expect(kept.byId.get(id)).toBe(1);
    expect([...kept.byId.values()].every((audits) => audits === 1)).toBe(true);
    expect(kept.orphanAudits).toBe(0);
  });
});
