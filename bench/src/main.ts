import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runBench } from './bench.js';
import { describeMachine, renderReport, writeSection } from './report.js';

/**
 * `pnpm bench`: seeds two PostgreSQL databases (1× and 10× history), then runs Attune, PostGraphile
 * and one hand-written SQL statement on each under autocannon, prints the table and writes it into
 * docs/performance.md. Settings: BENCH_SCALE (therapists, default 20), BENCH_ROUNDS (2),
 * BENCH_DURATION (seconds per request and round, 10), BENCH_WARMUP (seconds of untimed load before each,
 * 3), BENCH_CONNECTIONS (10), BENCH_DATABASE_URL
 * (a PostgreSQL server where the bench may create databases).
 */
const PERFORMANCE_DOC = fileURLToPath(new URL('../../../docs/performance.md', import.meta.url));

function setting(name: string, fallback: number, min: number, max: number) {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} needs a whole number from ${min} to ${max} (got "${raw}").`);
  return value;
}

async function main() {
  const loadAtStart = os.loadavg();
  const started = Date.now();
  const scale = setting('BENCH_SCALE', 20, 2, 100_000);
  const rounds = setting('BENCH_ROUNDS', 2, 1, 20);
  const durationSeconds = setting('BENCH_DURATION', 10, 1, 600);
  const warmupSeconds = setting('BENCH_WARMUP', 3, 0, 600);
  const maxWarmupSeconds = setting('BENCH_WARMUP_MAX', 30, 0, 600);
  const connections = setting('BENCH_CONNECTIONS', 10, 1, 1000);
  const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const version = ((await client.query<{ v: string }>('SELECT version() AS v')).rows[0]?.v ?? '').split(' on ')[0]!;
  await client.end();

  const log = (line: string) => process.stdout.write(`${line}\n`);
  const result = await runBench({
    serverUrl,
    sizes: [
      { label: '1×', scale, years: 2 },
      { label: '10× history', scale, years: 20 },
    ],
    databaseName: (size) => `attune_bench_s${size.scale}_y${size.years}`,
    rounds,
    durationSeconds,
    warmupSeconds,
    maxWarmupSeconds,
    connections,
    postgraphile: true,
    rawSql: true,
    caseloadsOf5And200: false,
    dropAfter: false,
    countedRequests: 5,
    log,
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const report = renderReport(result, describeMachine(version, loadAtStart), `autocannon, ${connections} connections, ${durationSeconds} s per request and round after untimed load in ${warmupSeconds} s windows until a window is no more than 3% faster than the one before (at most ${maxWarmupSeconds} s), ${rounds} rounds; the whole run took ${minutes} min`);
  log(`\n${report}\n`);
  writeSection(PERFORMANCE_DOC, `## The last \`pnpm bench\` (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`, report);
  log(`Written to docs/performance.md.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
