import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { openMigratedDatabase, type MigratedDatabase } from '../harness';

const OPERATIONS = path.resolve(__dirname, '../../../../docs/operations.md');

/** The runtime-role SQL exactly as docs/operations.md gives it. */
function runtimeRoleSql() {
  const text = fs.readFileSync(OPERATIONS, 'utf8');
  const block = /<!-- runtime-role-sql[^>]*-->\s*```sql\n([\s\S]*?)```/.exec(text)?.[1];
  if (!block) throw new Error('docs/operations.md has no runtime-role-sql block');
  return block;
}

// Roles and grants are PostgreSQL's: the embedded database has one superuser session, so there is nothing to prove there.
const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const title = process.env.TEST_DATABASE_URL
  ? 'a runtime database role that can add to the audit trail but not rewrite it'
  : 'a runtime database role (skipped: roles need PostgreSQL; set TEST_DATABASE_URL)';

onPostgres(title, () => {
  let db: MigratedDatabase;
  let asApp: Client;
  const role = `attune_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');

  beforeAll(async () => {
    db = await openMigratedDatabase();
    // As the owner (the role migrations ran with), run the documented SQL.
    const sql = runtimeRoleSql().replaceAll('attune_app', role).replace("'change-me'", `'${password}'`);
    await db.dataSource.query(sql);
    const url = new URL(db.database.config.DATABASE_URL!);
    url.username = role;
    url.password = password;
    asApp = new Client({ connectionString: url.toString() });
    await asApp.connect();
  }, 180_000);

  afterAll(async () => {
    await asApp?.end();
    await db?.close();
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  const refused = async (sql: string) => {
    const error = await asApp.query(sql).then(
      () => null,
      (e: { code?: string; message: string }) => e,
    );
    expect(error).not.toBeNull();
    // 42501 insufficient_privilege ("permission denied", "must be owner of table").
    expect(error!.code).toBe('42501');
  };

  it('adds and reads audit rows', async () => {
    await asApp.query(`INSERT INTO audit_events (action, metadata) VALUES ('test.inserted', '{}')`);
    const { rows } = await asApp.query(`SELECT action FROM audit_events WHERE action = 'test.inserted'`);
    expect(rows).toEqual([{ action: 'test.inserted' }]);
  });

  it('cannot update, delete, truncate, alter or drop them', async () => {
    await refused(`UPDATE audit_events SET action = 'rewritten'`);
    await refused(`DELETE FROM audit_events`);
    await refused(`TRUNCATE audit_events`);
    await refused(`ALTER TABLE audit_events DISABLE TRIGGER ALL`);
    await refused(`ALTER TABLE audit_events DROP COLUMN metadata`);
    await refused(`DROP TABLE audit_events`);
    const { rows } = await asApp.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.inserted'`);
    expect(rows[0].n).toBe(1);
  });

  it('still does the rest of the API’s work', async () => {
    await asApp.query(`INSERT INTO users (email, display_name, name_sort_key, role) VALUES ('role-check@example.test', 'Role check', 'role check', 'CLIENT')`);
    await asApp.query(`UPDATE users SET display_name = 'Role checked' WHERE email = 'role-check@example.test'`);
    await asApp.query(`DELETE FROM users WHERE email = 'role-check@example.test'`);
    await refused(`DROP TABLE users`);
  });
});
