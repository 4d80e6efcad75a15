import { DataSource, QueryFailedError } from 'typeorm';
import { afterCommit } from '../../src/database/after-commit';
import { dataSourceOptions, openDatabase } from '../../src/database/data-source';
import { preparedQuery } from '../../src/database/prepared-query';
import { EmbeddedDatabaseLockedError } from '../../src/database/embedded-database';
import { openMigratedDatabase, type MigratedDatabase } from '../harness';

describe('the database', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await openMigratedDatabase();
  });
  afterAll(() => db.close());

  it('has exactly the schema the entities describe (migrations and entities agree)', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('runs work queued with afterCommit once its transaction commits, and never after a rollback', async () => {
    const ran: string[] = [];
    await db.dataSource.transaction(async (manager) => {
      afterCommit(manager, () => ran.push('committed'));
      await manager.query('SELECT 1');
      expect(ran).toEqual([]);
    });
    await db.dataSource
      .transaction(async (manager) => {
        afterCommit(manager, () => ran.push('rolled back'));
        throw new Error('rolled back on purpose');
      })
      .catch(() => undefined);
    expect(ran).toEqual(['committed']);
  });

  it('keeps overlapping transactions isolated: ten at once, one failing, nine committed', async () => {
    await db.dataSource.query('CREATE TABLE isolation_probe (n int NOT NULL)');
    const attempts = Array.from({ length: 10 }, (_, n) =>
      db.dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO isolation_probe (n) VALUES ($1)', [n]);
        // Let the other transactions interleave before deciding.
        await new Promise((resolve) => setTimeout(resolve, 20));
        await manager.query('SELECT count(*) FROM isolation_probe');
        if (n === 3) throw new Error('this one fails');
      }),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
    const [{ count }] = await db.dataSource.query('SELECT count(*)::int AS count FROM isolation_probe');
    expect(count).toBe(9);
    const [{ failed }] = await db.dataSource.query('SELECT count(*)::int AS failed FROM isolation_probe WHERE n = 3');
    expect(failed).toBe(0);
  });

  it('refuses a second opening of the same embedded folder with a clear message', async () => {
    if (db.database.kind !== 'embedded') return; // PostgreSQL manages its own concurrency.
    await expect(openDatabase(db.database.config)).rejects.toThrow(EmbeddedDatabaseLockedError);
    await expect(openDatabase(db.database.config)).rejects.toThrow(/already open in another Attune process/);
  });

  it('runs a hot statement as a named prepared statement on PostgreSQL, and as an ordinary query on the embedded database', async () => {
    const text = 'SELECT CAST(:n AS int) + 1 AS n /* prepared-query probe */';
    // Twice, so a connection that already holds the name runs it again without preparing it anew.
    for (const n of [1, 2]) expect(await preparedQuery(db.dataSource, text, { n })).toEqual([{ n: n + 1 }]);
    // pg_prepared_statements is per session: ask every connection of the pool at once (it may hold several).
    const sessions = await Promise.all(
      Array.from({ length: 10 }, () => db.dataSource.query(`SELECT count(*)::int AS named FROM pg_prepared_statements WHERE statement LIKE '%prepared-query probe%'`)),
    );
    const named = sessions.some(([row]) => row.named > 0);
    expect(named).toBe(db.database.kind === 'postgres');
  });

  it('keeps answering when a migration changes a column a prepared statement returns', async () => {
    if (db.database.kind !== 'postgres') return; // Only PostgreSQL names statements.
    // One connection, so the second call meets the plan the first one prepared.
    const single = await new DataSource({ ...dataSourceOptions({ url: db.database.config.DATABASE_URL! }), extra: { max: 1 } }).initialize();
    try {
      await single.query('CREATE TABLE stale_plan_probe (v int NOT NULL)');
      await single.query('INSERT INTO stale_plan_probe (v) VALUES (41)');
      const text = 'SELECT v + :add AS v FROM stale_plan_probe';
      expect(await preparedQuery(single, text, { add: 1 })).toEqual([{ v: 42 }]);
      await single.query('ALTER TABLE stale_plan_probe ALTER COLUMN v TYPE bigint');
      // bigint arrives from pg as text.
      expect(await preparedQuery(single, text, { add: 1 })).toEqual([{ v: '42' }]);
      expect(await preparedQuery(single, text, { add: 2 })).toEqual([{ v: '43' }]);
    } finally {
      await single.destroy();
    }
  });

  it('binds each named parameter where it stands, once however often it is used, and the same text again with new values', async () => {
    const text = 'SELECT CAST(:b AS int) AS b, CAST(:a AS int) AS a, CAST(:b AS int) * 10 AS again /* prepared-query order */';
    expect(await preparedQuery(db.dataSource, text, { a: 1, b: 2, unused: 3 })).toEqual([{ b: 2, a: 1, again: 20 }]);
    expect(await preparedQuery(db.dataSource, text, { unused: null, b: 5, a: 4 })).toEqual([{ b: 5, a: 4, again: 50 }]);
  });

  it('plans a named statement once on a connection, whatever its values, rather than again on each run', async () => {
    if (db.database.kind !== 'postgres') return; // Only PostgreSQL names statements.
    // One connection (with the pool's own settings), so every run meets the same prepared statement.
    const options = dataSourceOptions({ url: db.database.config.DATABASE_URL! });
    const single = await new DataSource({ ...options, extra: { ...(options.extra as object), max: 1 } }).initialize();
    try {
      // A LIMIT of a few rows is where PostgreSQL, left to choose, kept planning afresh (cheaper-looking custom plans).
      const text = 'SELECT g FROM generate_series(1, 1000) g ORDER BY g LIMIT :first /* generic plan probe */';
      for (const first of [1, 2, 1, 3, 1, 2, 1, 1]) expect(await preparedQuery(single, text, { first })).toHaveLength(first);
      const plans = await single.query(`SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement LIKE '%generic plan probe%'`);
      expect(plans).toEqual([{ generic: 8, custom: 0 }]);
    } finally {
      await single.destroy();
    }
  });

  it('reports a failing prepared statement as TypeORM reports a failing query', async () => {
    const failure = await preparedQuery(db.dataSource, 'SELECT 1 / CAST(:zero AS int) AS n', { zero: 0 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError).message).toMatch(/division by zero/);
  });

  it('answers readiness through the data source', async () => {
    const [{ ok }] = await db.dataSource.query('SELECT 1 AS ok');
    expect(ok).toBe(1);
  });
});
