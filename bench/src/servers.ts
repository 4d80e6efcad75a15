import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const API_DIR = fileURLToPath(new URL('../../../apps/api/', import.meta.url));
const BENCH_DIST = fileURLToPath(new URL('./', import.meta.url));

/** Fixed for bench databases only: the seed seals second-factor secrets with it, and the server must open them. */
export const BENCH_APP_SECRET = 'attune-bench-only-secret-not-for-any-real-data';

export interface RunningServer {
  name: string;
  url: string;
  /** The server's process id (for reading its CPU time from /proc). */
  pid: number;
  /** Resident memory of the server process now, in MB. */
  rssMb(): number;
  /** The last few thousand characters the server wrote to stderr (its warnings and errors). */
  stderr(): string;
  stop(): Promise<void>;
}

/**
 * A port nothing listens on, chosen below Linux's ephemeral range (32768–60999): a port the kernel handed
 * out for listen(0) could be handed to another process (a test server, an outgoing connection) in the
 * seconds before our server binds it, and the bench would then measure, or fail against, someone else.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
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

function rssOf(pid: number) {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

async function startProcess(name: string, args: string[], env: Record<string, string>, readyUrl: string, url: string): Promise<RunningServer> {
  // An empty value removes a variable inherited from the shell.
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== ''));
  const child: ChildProcess = spawn(process.execPath, args, { env: merged, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} stopped while starting (exit ${child.exitCode}): ${stderr.trim()}`);
    const ok = await fetch(readyUrl).then((res) => res.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer ${readyUrl} within 120 s: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    name,
    url,
    pid: child.pid!,
    rssMb: () => rssOf(child.pid!),
    stderr: () => stderr,
    async stop() {
      // A server that stopped on its own was not the one answering (another process held its port) or failed
      // under load: either way what was measured is not what the caller thinks.
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${name} had stopped on its own (exit ${child.exitCode ?? child.signalCode}) before it was asked to: ${stderr.trim()}`);
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The built API exactly as production starts it, with a rate limit no bench reaches, and without working
 * background jobs: the job queue polls the database every 2 s, and those statements landed among the
 * counted requests' (fractions such as 1.4 or 2.4 statements per request, and fast mode's ceilings failing now and then).
 */
export async function startAttune(databaseUrl: string): Promise<RunningServer> {
  return startAttuneWith({ DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'never', JOBS_WORKER: 'off' });
}

/**
 * The built API on the embedded database in `dataDir`, seeded with the demo data as a fresh
 * `pnpm start` is (`SEED_DEMO_DATA=auto` seeds outside production only, hence development).
 */
export async function startAttuneEmbedded(dataDir: string, port?: number): Promise<RunningServer> {
  return startAttuneWith({ DATABASE_URL: '', DATA_DIR: dataDir, SEED_DEMO_DATA: 'auto', NODE_ENV: 'development' }, port);
}

async function startAttuneWith(env: Record<string, string>, fixedPort?: number): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  return startProcess(
    'Attune',
    ['--enable-source-maps', `${API_DIR}dist/main.js`],
    {
      NODE_ENV: 'production',
      APP_SECRET: BENCH_APP_SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      // Far above what a 2-core machine serves in a minute: at 10 s per request, { __typename } alone passed 100,000 from one address.
      API_RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'warn',
      REDIS_URL: '', // per-process limits, as a single instance runs
      ...env,
    },
    `${base}/readyz`,
    base,
  );
}

export async function startPostGraphile(databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  return startProcess('PostGraphile', ['--enable-source-maps', `${BENCH_DIST}postgraphile-server.js`], { DATABASE_URL: databaseUrl, PORT: String(port) }, `${base}/ready`, base);
}

export async function startRawSql(databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  return startProcess('raw SQL', ['--enable-source-maps', `${BENCH_DIST}raw-sql-server.js`], { DATABASE_URL: databaseUrl, PORT: String(port) }, `${base}/ready`, base);
}
