import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app';
import { createLogger } from '../common/logger';
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/data-source';
import { runCli } from '../database/cli/run-cli';
import { DEMO_PASSWORD } from '../database/seed/demo-seed';
import { currentTotpStep, totpCodeAt } from '../modules/identity/totp';

const CASELOAD = `query Bench($first: Int, $sort: CaseloadSort) { caseload(first: $first, sort: $sort) { edges { node {
  client { id displayName } nextSession { id startsAt agenda } lastSession { id startsAt } daysSinceLastSession
  unreadSharedReflections alliance { direction trend { overall } latest { overall } } flags { kind reason } } }
  pageInfo { hasNextPage endCursor } } }`;

/**
 * Measures the caseload query end to end (HTTP → GraphQL → database) for the therapist with the largest
 * caseload in the configured database, and prints the numbers. Load data first: `pnpm db:seed --scale 1000`.
 */
runCli(async () => {
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', API_RATE_LIMIT_PER_MINUTE: '100000', PORTAL_DIST: '/nonexistent' });
  const database = await openDatabase(config);
  const app = await createApp(config, database.dataSource, createLogger('silent'));
  await app.listen(0, '127.0.0.1');
  try {
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    const [therapist] = await database.dataSource.query(
      `SELECT u.email, u.mfa_secret AS secret, count(*)::int AS clients FROM care_relationships c JOIN users u ON u.id = c.therapist_id
       WHERE c.ended_at IS NULL GROUP BY u.email, u.mfa_secret ORDER BY count(*) DESC LIMIT 1`,
    );
    const [{ sessions }] = await database.dataSource.query('SELECT count(*)::int AS sessions FROM therapy_sessions');
    let cookie = '';
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      const body = (await res.json()) as { errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors[0]!.message);
      return body;
    };
    await post('mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { mfaRequired } }', { e: therapist.email, p: DEMO_PASSWORD });
    await post('mutation($c: String!) { verifyMfa(code: $c) { id } }', { c: await totpCodeAt(therapist.secret, currentTotpStep()) });

    for (const [label, variables] of [['first 20, by name', { first: 20, sort: 'NAME' }], ['first 100, needing attention first', { first: 100, sort: 'ATTENTION' }]] as const) {
      await post(CASELOAD, variables); // warm up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = process.hrtime.bigint();
        await post(CASELOAD, variables);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
      process.stdout.write(
        `caseload (${label}) of ${therapist.clients} clients, ${sessions} sessions in the database, ${database.description}: ` +
          `median ${pick(0.5)} ms, p95 ${pick(0.95)} ms, min ${pick(0)} ms over ${runs} runs\n`,
      );
    }
  } finally {
    await app.close();
    await database.close();
  }
});
