import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { installSecretBox } from '../../src/common/crypto/secret-box';
import { loadConfig } from '../../src/config/config';
import { openDatabase } from '../../src/database/data-source';
import { seedDemoDataIfEmpty } from '../../src/database/seed/demo-seed';
import { newReflection } from '../factories/clinical.factory';
import { newUser } from '../factories/user.factory';
import { createTestDatabase, TEST_APP_SECRET, type TestDatabase } from '../harness';

const run = promisify(execFile);
const DIST = path.resolve(__dirname, '../../dist/database/cli');

/** Runs the built command as `pnpm backup` / `pnpm restore` would, against one test database. */
async function cli(command: 'backup' | 'restore', database: TestDatabase, file: string) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', NODE_ENV: 'test', APP_SECRET: TEST_APP_SECRET, DATA_DIR: database.config.DATA_DIR };
  if (database.config.DATABASE_URL) env.DATABASE_URL = database.config.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(DIST, `${command}.js`), file], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every table's row count and an md5 of its rows in primary-key order. */
async function fingerprint(dataSource: DataSource) {
  const tables: { name: string; key: string | null }[] = await dataSource.query(
    `SELECT c.relname AS name,
            (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.position)
               FROM pg_index i JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisprimary) AS key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  const result: Record<string, { rows: number; md5: string | null }> = {};
  for (const { name, key } of tables) {
    const [row] = (await dataSource.query(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY ${key ?? 't::text'})) AS md5 FROM "${name}" t`,
    )) as [{ rows: number; md5: string | null }];
    result[name] = { rows: Number(row.rows), md5: row.md5 };
  }
  return result;
}

async function withDatabase<T>(database: TestDatabase, work: (dataSource: DataSource) => Promise<T>) {
  const handle = await openDatabase(database.config);
  try {
    return await work(handle.dataSource);
  } finally {
    await handle.close();
  }
}

describe('pnpm backup and pnpm restore', () => {
  jest.setTimeout(300_000);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-backups-'));
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return database;
  };
  // The demo data seals second-factor secrets with the key the commands are given.
  beforeAll(() => installSecretBox(loadConfig({ NODE_ENV: 'test', APP_SECRET: TEST_APP_SECRET })));
  afterAll(async () => {
    for (const database of databases) await database.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('restores into a fresh database every row of every table, and refuses a database that is not empty', async () => {
    const source = await fresh();
    const before = await withDatabase(source, async (dataSource) => {
      await dataSource.runMigrations({ transaction: 'each' });
      await seedDemoDataIfEmpty(dataSource);
      // Text that JSON and SQL treat specially comes back byte for byte.
      const client = await newUser(dataSource, { displayName: 'Zoë "Q" O\'Neil \\ tab\t' });
      await newReflection(dataSource, client, { body: 'Line one\nline two, 100% "quoted" \\ and ünïcode ✓', mood: 3 });
      // The audit trail's ids are an identity column: restored as they were, not renumbered.
      for (const action of ['test.first', 'test.second']) await dataSource.query(`INSERT INTO audit_events (action, subject_user_id) VALUES ($1, $2)`, [action, client.id]);
      return fingerprint(dataSource);
    });
    expect(before.users!.rows).toBeGreaterThan(6);
    expect(before.audit_events!.rows).toBeGreaterThan(0);

    const file = path.join(folder, `${source.kind}.backup`);
    const backedUp = await cli('backup', source, file);
    expect(backedUp).toMatchObject({ code: 0, stderr: '' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const target = await fresh();
    const restored = await cli('restore', target, file);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(await withDatabase(target, fingerprint)).toEqual(before);
    // Identity columns carry on after the restored rows: the next audit row gets a new id.
    await withDatabase(target, async (dataSource) => {
      await dataSource.query(`INSERT INTO audit_events (action) VALUES ('test.after_restore')`);
    });

    const again = await cli('restore', target, file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Refusing to restore: .* is not empty \(table \w+ has rows\)\. Restore goes into an empty database only; nothing was changed\.\n$/);
    const after = await withDatabase(target, fingerprint);
    expect([after.users, after.reflections]).toEqual([before.users, before.reflections]);
  });

  it('refuses a damaged or cut-off file before touching the database, and never overwrites a backup', async () => {
    const source = await fresh();
    await withDatabase(source, (dataSource) => dataSource.runMigrations({ transaction: 'each' }).then(() => newUser(dataSource)));
    const file = path.join(folder, `${source.kind}-small.backup`);
    expect((await cli('backup', source, file)).code).toBe(0);
    const overwrite = await cli('backup', source, file);
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toMatch(/^Refusing to back up: .* already exists\./);

    const cut = path.join(folder, 'cut.backup');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 20));
    const target = await fresh();
    const refused = await cli('restore', target, cut);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^Refusing to restore: .*Nothing was changed\.|^Refusing to restore: .* is not a complete Attune backup/);
    // Nothing was created: the target database has no tables at all.
    await withDatabase(target, async (dataSource) => {
      const tables: unknown[] = await dataSource.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables).toEqual([]);
    });
  });

  // PostgreSQL serves many processes at once; only the embedded database is held by one.
  (process.env.TEST_DATABASE_URL ? it.skip : it)('refuses, in one line, to restore into an embedded database that a running Attune holds', async () => {
    const target = await fresh();
    const source = await fresh();
    await withDatabase(source, (dataSource) => dataSource.runMigrations({ transaction: 'each' }));
    const file = path.join(folder, 'empty.backup');
    expect((await cli('backup', source, file)).code).toBe(0);
    await withDatabase(target, async () => {
      const refused = await cli('restore', target, file);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^The embedded database in .* is already open in another Attune process\. Stop that process first.*\n$/);
    });
  });
});
