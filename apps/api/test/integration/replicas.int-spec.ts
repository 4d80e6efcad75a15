import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { MIGRATIONS } from '../../src/database/migrations';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/database/seed/demo-seed';
import { currentTotpStep, totpCodeAt } from '../../src/modules/identity/totp';
import { formatInZone } from '../../src/modules/reminders/reminder-emails';
import { createTestDatabase, TEST_APP_SECRET, type TestDatabase } from '../harness';

/**
 * Two replicas of the built server (dist/main.js) on one PostgreSQL database and one Redis, started at
 * the same moment, tried from outside as a load balancer would. Only PostgreSQL serves several
 * processes (the embedded database is one process's), so this runs when TEST_DATABASE_URL is set.
 */
const MAIN = path.resolve(__dirname, '../../dist/main.js');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PER_MINUTE = 40;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

interface Replica {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/**
 * A port nothing listens on now, taken below Linux's ephemeral range (32768–60999) and apart from the bench's
 * servers (20000–31999), which run beside this suite in CI: a port handed out by listen(0) is free only until it
 * is closed, and in the second before a replica binds it an outgoing connection or another server may take it.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 12_000 + Math.floor(Math.random() * 8_000);
    const server = net.createServer();
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
}

async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, url: `http://127.0.0.1:${port}`, child, output, exited };
}

/** Resolves once the replica answers /readyz, or fails with what it printed if it stops first. */
async function ready(replica: Replica) {
  let stopped = false;
  void replica.exited.then(() => (stopped = true));
  for (;;) {
    if (stopped) throw new Error(`${replica.name} stopped during start-up:\n${replica.output.join('')}`);
    const answered = await fetch(`${replica.url}/readyz`).then((res) => res.ok, () => false);
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Answer<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

async function gql<T = Record<string, unknown>>(replica: Replica, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await fetch(`${replica.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer<T>['body'] };
}

const SIGN_IN = 'mutation($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { user { id } } }';
const WRITE = 'mutation Write($body: String!) { writeReflection(input: { body: $body }) { id } }';

async function signIn(replica: Replica, email: string) {
  const answer = await gql(replica, SIGN_IN, { email, password: DEMO_PASSWORD });
  expect(answer.body.errors).toBeUndefined();
  const cookie = answer.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  expect(cookie).toMatch(/=/);
  return { cookie };
}

// Skipped runs say why in the test's name.
const title = onPostgres
  ? 'two replicas on one PostgreSQL and one Redis'
  : 'two replicas (skipped: set TEST_DATABASE_URL; several processes need PostgreSQL, the embedded database serves one)';

(onPostgres ? describe : describe.skip)(title, () => {
  let database: TestDatabase;
  let sql: Client;
  let a: Replica;
  let b: Replica;
  const prefix = `attune-test-${randomUUID()}:`;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      // The test reads the replicas' JSON log lines (readable lines are the default outside production).
      LOG_FORMAT: 'json',
      DATABASE_URL: database.config.DATABASE_URL!,
      DATA_DIR: database.config.DATA_DIR,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      APP_SECRET: TEST_APP_SECRET,
      PORTAL_DIST: '/nonexistent',
      SEED_DEMO_DATA: 'auto',
      API_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
    };
    // The same moment: both processes are spawned before either is waited for.
    [a, b] = await Promise.all([startReplica('replica A', env), startReplica('replica B', env)]);
    await Promise.all([ready(a), ready(b)]);
    sql = new Client({ connectionString: database.config.DATABASE_URL });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    for (const replica of [a, b]) {
      if (replica && replica.child.exitCode === null && replica.child.signalCode === null) {
        replica.child.kill('SIGTERM');
        await replica.exited;
      }
    }
    await sql?.end();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await database?.drop();
  });

  it('both come up, and the migrations and the demo data were applied once', async () => {
    const applied = [a, b].map((replica) =>
      replica.output
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { migrationsApplied?: number })
        .find((line) => line.migrationsApplied !== undefined)?.migrationsApplied,
    );
    expect(applied.sort()).toEqual([0, MIGRATIONS.length]);
    expect([a, b].filter((replica) => replica.output.join('').includes('demo data loaded'))).toHaveLength(1);

    const { rows: migrations } = await sql.query<{ name: string }>('SELECT name FROM migrations');
    expect(migrations.map((row) => row.name).sort()).toEqual(MIGRATIONS.map((migration) => new migration().name!).sort());
    const { rows: users } = await sql.query<{ count: string }>(`SELECT count(*) FROM users WHERE email = 'client@attune.test'`);
    expect(users[0]!.count).toBe('1');
  });

  it('a sign-in made on one replica works on the other', async () => {
    const { cookie } = await signIn(a, 'client@attune.test');
    const onB = await gql<{ me: { email: string } }>(b, '{ me { email } }', {}, { cookie });
    expect(onB.body.data?.me.email).toBe('client@attune.test');
  });

  it('sends each reminder once, with both replicas working the job queue', async () => {
    const signedIn = await signIn(a, 'therapist@attune.test');
    const verified = await gql(a, 'mutation($code: String!) { verifyMfa(code: $code) { id } }', { code: await totpCodeAt(DEMO_TOTP_SECRET, currentTotpStep()) }, { cookie: signedIn.cookie });
    expect(verified.body.errors).toBeUndefined();
    // Completing the second factor starts a fresh session cookie.
    const cookie = verified.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ') || signedIn.cookie;
    const { rows: clients } = await sql.query<{ id: string; email: string; zone: string }>(
      `SELECT u.id, u.email, COALESCE(u.time_zone, 'UTC') AS zone FROM care_relationships c JOIN users u ON u.id = c.client_id
        WHERE c.therapist_id = (SELECT id FROM users WHERE email = 'therapist@attune.test') AND c.ended_at IS NULL ORDER BY u.email LIMIT 4`,
    );
    expect(clients).toHaveLength(4);
    // Reminders 90 days ahead (clear of the demo calendar), two hours apart per client so one therapist's four
    // sessions do not overlap, and every reminder comes due a few seconds from now.
    const base = 90 * 24 * 60;
    const sessionIds: string[] = [];
    const starts: Date[] = [];
    for (const [index, client] of clients.entries()) {
      const minutes = base + index * 120;
      await sql.query('UPDATE users SET session_reminder_minutes = $1 WHERE id = $2', [minutes, client.id]);
      const startsAt = new Date(Date.now() + minutes * 60_000 + 15_000);
      starts.push(startsAt);
      const booked = await gql<{ scheduleSession: { id: string } }>([a, b][index % 2]!, 'mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }', {
        i: { clientId: client.id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 50 * 60_000).toISOString(), modality: 'VIDEO' },
      }, { cookie });
      expect(booked.body.errors).toBeUndefined();
      sessionIds.push(booked.body.data!.scheduleSession.id);
    }

    // Both replicas poll every 2 seconds; wait (generously) until the queue has finished every job.
    const deadline = Date.now() + 60_000;
    let finished: string[] = [];
    while (Date.now() < deadline) {
      const { rows } = await sql.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'session-reminder' AND singleton_key = ANY($1)`, [sessionIds]);
      finished = rows.map((row) => row.state);
      if (finished.length === sessionIds.length && finished.every((state) => state !== 'created' && state !== 'active' && state !== 'retry')) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(finished).toEqual(sessionIds.map(() => 'completed'));
    for (const [index, client] of clients.entries()) {
      const when = formatInZone(starts[index]!, client.zone);
      const { rows } = await sql.query<{ from_address: string }>(`SELECT from_address FROM outbox_emails WHERE to_address = $1 AND position($2 in text) > 0`, [client.email, when]);
      expect(rows).toEqual([{ from_address: 'Attune <no-reply@attune.test>' }]);
    }
    const { rows: deliveries } = await sql.query<{ count: string }>(`SELECT count(*) FROM reminder_deliveries WHERE key LIKE ANY($1)`, [sessionIds.map((id) => `session:${id}@%`)]);
    expect(deliveries[0]!.count).toBe(String(sessionIds.length));
  }, 90_000);

  it('counts one rate limit across both replicas', async () => {
    const { cookie } = await signIn(b, 'client2@attune.test');
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await gql([a, b][i % 2]!, '{ me { id } }', {}, { cookie });
      remaining.push(Number(answer.headers.get('ratelimit-remaining')));
    }
    // One budget, spent in turn on A and B.
    expect(remaining).toEqual([remaining[0]!, remaining[0]! - 1, remaining[0]! - 2, remaining[0]! - 3]);
    for (let left = remaining[3]!; left > 0; left--) await gql(left % 2 ? a : b, '{ me { id } }', {}, { cookie });
    const refusedOnA = await gql(a, '{ me { id } }', {}, { cookie });
    const refusedOnB = await gql(b, '{ me { id } }', {}, { cookie });
    expect([refusedOnA.status, refusedOnB.status]).toEqual([429, 429]);
    expect(refusedOnB.body.errors![0]!.extensions.code).toBe('RATE_LIMITED');
  });

  it('counts one sign-in failure budget across both replicas', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await gql([a, b][i % 2]!, SIGN_IN, { email: 'therapist2@attune.test', password: `not the password ${i}` });
      expect(wrong.body.errors![0]!.extensions.code).not.toBe('RATE_LIMITED');
    }
    // Five wrong passwords, spread over A and B, spend the account's budget: even the right one waits now.
    const right = await gql(a, SIGN_IN, { email: 'therapist2@attune.test', password: DEMO_PASSWORD });
    expect(right.body.errors![0]!.extensions.code).toBe('RATE_LIMITED');
  });

  it('makes one record for one Idempotency-Key sent to both replicas at once', async () => {
    const { cookie } = await signIn(a, 'client3@attune.test');
    const before = await reflectionCount('client3@attune.test');
    const key = randomUUID();
    const [onA, onB] = await Promise.all([a, b].map((replica) => gql<{ writeReflection: { id: string } }>(replica, WRITE, { body: 'Sent to both.' }, { cookie, 'Idempotency-Key': key })));
    expect(onA!.body.errors).toBeUndefined();
    expect(onB!.body.errors).toBeUndefined();
    expect(onA!.body.data).toEqual(onB!.body.data);
    expect(await reflectionCount('client3@attune.test')).toBe(before + 1);
  });

  it('carries on when one replica is killed mid-stream: every write is kept once, retried with its key on the other', async () => {
    const { cookie } = await signIn(b, 'client@attune.test');
    const before = await reflectionCount('client@attune.test');
    const writes = Array.from({ length: 12 }, (_, i) => ({ key: randomUUID(), body: `Stream write ${i}.` }));
    const send = (replica: Replica, write: (typeof writes)[number]) =>
      gql<{ writeReflection: { id: string } }>(replica, WRITE, { body: write.body }, { cookie, 'Idempotency-Key': write.key });

    const ids = new Map<string, string>();
    const unanswered: (typeof writes)[number][] = [];
    const acknowledge = (write: (typeof writes)[number], answer: Answer<{ writeReflection: { id: string } }>) => {
      expect(answer.body.errors).toBeUndefined();
      ids.set(write.key, answer.body.data!.writeReflection.id);
    };
    // A stream to A: three answered, the fourth in flight when A is killed; then the rest go to B.
    for (const write of writes.slice(0, 3)) acknowledge(write, await send(a, write));
    const inFlight = send(a, writes[3]!);
    a.child.kill('SIGKILL');
    await inFlight.then(
      (answer) => (answer.body.data ? acknowledge(writes[3]!, answer) : unanswered.push(writes[3]!)),
      () => unanswered.push(writes[3]!),
    );
    expect(await a.exited).toBeNull();
    for (const write of writes.slice(4)) acknowledge(write, await send(b, write));
    // The client retries what got no answer, with the same key: done once, whether or not A had finished it.
    for (const write of unanswered) acknowledge(write, await send(b, write));
    expect(new Set(ids.values()).size).toBe(writes.length);
    expect(await reflectionCount('client@attune.test')).toBe(before + writes.length);
  });

  async function reflectionCount(email: string) {
    const { rows } = await sql.query<{ count: string }>('SELECT count(*) FROM reflections r JOIN users u ON u.id = r.client_id WHERE u.email = $1', [email]);
    return Number(rows[0]!.count);
  }
});
