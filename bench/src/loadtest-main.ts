import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { renderLoadtest, runLoadtest } from './loadtest.js';
import { describeMachine, writeSection } from './report.js';

const OPERATIONS = fileURLToPath(new URL('../../../docs/operations.md', import.meta.url));
const LOADTEST_MARKERS = { start: '<!-- pnpm loadtest: start (written by bench/, replaced on each run) -->', end: '<!-- pnpm loadtest: end -->' };

async function databaseVersion(url: string | undefined) {
  if (!url) return 'database not inspected (no LOADTEST_DATABASE_URL)';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return ((await client.query<{ v: string }>('SELECT version() AS v')).rows[0]?.v ?? '').split(' on ')[0]!;
  } finally {
    await client.end();
  }
}

const loadAtStart = os.loadavg();
const baseUrl = (process.env.LOADTEST_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const seconds = Number(process.env.LOADTEST_SECONDS ?? 120);
if (!Number.isFinite(seconds) || seconds < 1) throw new Error(`LOADTEST_SECONDS must be a number of seconds, not ${process.env.LOADTEST_SECONDS}.`);
const databaseUrl = process.env.LOADTEST_DATABASE_URL || undefined;
const machine = describeMachine(await databaseVersion(databaseUrl), loadAtStart);

const log = (line: string) => process.stdout.write(`${line}\n`);
const result = await runLoadtest({ baseUrl, seconds, databaseUrl, log });
const table = renderLoadtest(result);
log(`\n${table}\n\nWrites acknowledged: ${result.all.acknowledged}.`);
writeSection(
  OPERATIONS,
  '### Last run',
  `${new Date().toISOString().slice(0, 10)}, ${seconds} s against ${baseUrl}, ${result.connections} connections (one per person and kind of request: 3 demo clients, 2 demo therapists).\nMachine: ${machine}.\n\n${table}\n\nWrites acknowledged: ${result.all.acknowledged}.`,
  LOADTEST_MARKERS,
);
log(`Written into ${OPERATIONS}.`);
const failed = result.all.httpErrors + result.all.graphqlErrors;
if (failed > 0) {
  console.error(`${failed} requests failed.`);
  process.exitCode = 1;
}
