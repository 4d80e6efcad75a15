import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAIN = path.resolve(__dirname, '../../dist/main.js');

/** Start-up as an operator sees it: the built server, with a bad setting, answers in one clear line. */
async function start(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-startup-'));
  try {
    await run(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, ...env }, timeout: 60_000 });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('start-up with a bad setting', () => {
  it('names a bad PORT in one line', async () => {
    const result = await start({ PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: PORT .*"eighty"/)]);
  });

  it('names a bad DATABASE_URL in one line, without echoing it', async () => {
    const result = await start({ DATABASE_URL: 'mysql://root:hunter2@localhost/attune' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: DATABASE_URL/)]);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('says in one line when PostgreSQL cannot be reached', async () => {
    const result = await start({ DATABASE_URL: 'postgres://attune@127.0.0.1:1/attune' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Attune could not start: .*ECONNREFUSED/)]);
  });

  it('names a bad TRUST_PROXY in one line', async () => {
    const result = await start({ TRUST_PROXY: '10.0.0.0/99' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: TRUST_PROXY .*10\.0\.0\.0\/99/)]);
  });

  it('refuses to start in production without APP_SECRET, in one line', async () => {
    const result = await start({ NODE_ENV: 'production' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: APP_SECRET is required in production/)]);
  });

  it('refuses a short APP_SECRET without echoing it', async () => {
    const result = await start({ APP_SECRET: 'hunter2' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: APP_SECRET must be at least 32 characters/)]);
    expect(result.stderr).not.toContain('hunter2');
  });
});
