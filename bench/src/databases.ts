import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { API_DIR, BENCH_APP_SECRET } from './servers.js';

const run = promisify(execFile);

export interface Size {
  label: string;
  scale: number;
  years: number;
}

export function databaseUrl(serverUrl: string, name: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Changed when the scale seed changes, so a database seeded by an earlier one is seeded again.
const MARK = 'attune bench: seeded (with measures)';

/**
 * A database holding the demo data and `--scale`/`--years` data, loaded through the API's own seed
 * command. A database whose seed finished earlier (marked by a comment) is reused as it is; one left
 * half-seeded is dropped and seeded again.
 */
export async function seededDatabase(serverUrl: string, name: string, size: Size, log: (line: string) => void): Promise<string> {
  const url = databaseUrl(serverUrl, name);
  const mark = `${MARK} --scale ${size.scale} --years ${size.years}`;
  const existing = await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [name]);
    return rows[0];
  });
  if (existing?.comment === mark) {
    log(`Reusing ${name} (${mark.slice(MARK.length + 1)}); vacuuming …`);
    await vacuum(url);
    return url;
  }
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  log(`Seeding ${name}: --scale ${size.scale} --years ${size.years} …`);
  const started = Date.now();
  await run(process.execPath, [`${API_DIR}dist/database/cli/seed.js`, '--scale', String(size.scale), '--years', String(size.years)], {
    cwd: API_DIR,
    env: { ...process.env, DATABASE_URL: url, APP_SECRET: BENCH_APP_SECRET, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    maxBuffer: 16 * 1024 * 1024,
  });
  await vacuum(url);
  await withClient(url, (client) => client.query(`COMMENT ON DATABASE "${name}" IS '${mark}'`));
  log(`Seeded ${name} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return url;
}

/**
 * As autovacuum keeps a running database: statistics, and a visibility map, without which PostgreSQL must visit
 * the table for every index-only scan and so chose other indexes (at 1,000 therapists the unread count read
 * every shared reflection of a client, not the unread ones). Quick once done: pages already all-visible are skipped.
 */
async function vacuum(url: string) {
  await withClient(url, (client) => client.query('VACUUM (ANALYZE)'));
}

export async function dropDatabase(serverUrl: string, name: string) {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Who and what the bench asks for. */
export interface Fixtures {
  therapist: { id: string; email: string; clients: number };
  /**
   * The therapist's longest-standing client among those who fill in measures: the client record and client
   * home, with every kind of entry at both sizes (by start alone, the 1× client had filled in no measure and
   * the 10× one over a thousand, and the record's 1× ÷ 10× compared two different records).
   */
  client: { id: string; email: string };
  articleSlug: string;
  sessions: number;
  description: string;
}

export async function findFixtures(url: string, therapistId?: string): Promise<Fixtures> {
  return withClient(url, async (client) => {
    const [therapist] = (
      await client.query<Fixtures['therapist']>(
        `SELECT u.id, u.email, count(*)::int AS clients FROM care_relationships c JOIN users u ON u.id = c.therapist_id
         WHERE c.ended_at IS NULL AND u.role = 'THERAPIST' AND u.deactivated_at IS NULL AND ($1::uuid IS NULL OR u.id = $1)
         GROUP BY u.id, u.email ORDER BY count(*) DESC, u.email LIMIT 1`,
        [therapistId ?? null],
      )
    ).rows;
    if (!therapist) throw new Error('No therapist with clients in the bench database.');
    const [longest] = (
      await client.query<Fixtures['client']>(
        `SELECT u.id, u.email FROM care_relationships c JOIN users u ON u.id = c.client_id
         WHERE c.therapist_id = $1 AND c.ended_at IS NULL
         ORDER BY EXISTS (SELECT 1 FROM measure_responses m WHERE m.client_id = c.client_id) DESC, c.started_at, u.email LIMIT 1`,
        [therapist.id],
      )
    ).rows;
    const [article] = (await client.query<{ slug: string }>(`SELECT slug FROM articles WHERE status = 'PUBLISHED' AND published_at <= now() ORDER BY published_at DESC LIMIT 1`)).rows;
    const [counts] = (
      await client.query<{ therapists: number; clients: number; sessions: number; checkins: number; reflections: number; measures: number }>(
        `SELECT (SELECT count(*) FROM users WHERE role = 'THERAPIST')::int AS therapists, (SELECT count(*) FROM users WHERE role = 'CLIENT')::int AS clients,
                (SELECT count(*) FROM therapy_sessions)::int AS sessions, (SELECT count(*) FROM check_ins)::int AS checkins, (SELECT count(*) FROM reflections)::int AS reflections,
                (SELECT count(*) FROM measure_responses)::int AS measures`,
      )
    ).rows;
    if (!longest || !article || !counts) throw new Error('The bench database has no client or no published article.');
    return {
      therapist,
      client: longest,
      articleSlug: article.slug,
      sessions: counts.sessions,
      description: `${counts.therapists} therapists, ${counts.clients} clients, ${counts.sessions} sessions, ${counts.checkins} check-ins, ${counts.reflections} reflections, ${counts.measures} measure responses`,
    };
  });
}

/**
 * A fresh one-time recovery code for the therapist, stored the way Attune stores them (SHA-256 of the
 * code). The bench signs in with it through the real path (password, then `verifyMfa`), which accepts
 * it once, so a rerun never waits for the next TOTP window.
 */
export async function mintRecoveryCode(url: string, userId: string): Promise<string> {
  const code = randomBytes(10).toString('hex');
  await withClient(url, (client) =>
    client.query('INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES ($1, $2)', [userId, createHash('sha256').update(code).digest('hex')]),
  );
  return code;
}

/**
 * Arranges a caseload of exactly 5 and one of 200 active clients (fast mode), by ending care for all
 * but five of one scale therapist's clients and moving other scale clients, with their sessions,
 * check-ins and shared reflections, to another. One transaction; run once on a fresh database.
 */
export async function arrangeCaseloads(url: string): Promise<{ small: string; large: string }> {
  return withClient(url, async (client) => {
    await client.query('BEGIN');
    try {
      // The smallest caseload becomes the 5 (so the most clients are left to move); the next smallest grows to 200.
      const { rows: therapists } = await client.query<{ id: string }>(
        `SELECT u.id FROM users u JOIN care_relationships c ON c.therapist_id = u.id AND c.ended_at IS NULL
         WHERE u.role = 'THERAPIST' AND u.email LIKE 'therapist-%@scale.attune.test'
         GROUP BY u.id ORDER BY count(*), u.id LIMIT 2`,
      );
      const [small, large] = therapists;
      if (!large || !small) throw new Error('Fast mode needs at least two scale therapists.');
      await client.query(
        `UPDATE care_relationships SET ended_at = now() WHERE therapist_id = $1 AND ended_at IS NULL
         AND client_id NOT IN (SELECT client_id FROM care_relationships WHERE therapist_id = $1 AND ended_at IS NULL ORDER BY client_id LIMIT 5)`,
        [small.id],
      );
      const { rows: moving } = await client.query<{ client_id: string }>(
        `SELECT c.client_id FROM care_relationships c JOIN users t ON t.id = c.therapist_id
         WHERE c.ended_at IS NULL AND c.therapist_id NOT IN ($1, $2) AND t.email LIKE 'therapist-%@scale.attune.test'
         ORDER BY c.client_id LIMIT 200 - (SELECT count(*) FROM care_relationships WHERE therapist_id = $1 AND ended_at IS NULL)`,
        [large.id, small.id],
      );
      const ids = moving.map((row) => row.client_id);
      await client.query('UPDATE care_relationships SET therapist_id = $1 WHERE ended_at IS NULL AND client_id = ANY($2)', [large.id, ids]);
      await client.query('UPDATE therapy_sessions SET therapist_id = $1 WHERE client_id = ANY($2)', [large.id, ids]);
      await client.query('UPDATE check_ins SET therapist_id = $1 WHERE client_id = ANY($2)', [large.id, ids]);
      await client.query('UPDATE reflections SET shared_with_id = $1 WHERE shared_with_id IS NOT NULL AND client_id = ANY($2)', [large.id, ids]);
      const { rows } = await client.query<{ therapist_id: string; n: number }>(
        'SELECT therapist_id, count(*)::int AS n FROM care_relationships WHERE ended_at IS NULL AND therapist_id IN ($1, $2) GROUP BY therapist_id',
        [large.id, small.id],
      );
      const size = (id: string) => rows.find((row) => row.therapist_id === id)?.n;
      if (size(large.id) !== 200 || size(small.id) !== 5) throw new Error(`Fast mode arranged caseloads of ${size(large.id)} and ${size(small.id)}, not 200 and 5: seed more therapists.`);
      await client.query('COMMIT');
      return { small: small.id, large: large.id };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}
