import { openMigratedDatabase, type MigratedDatabase } from '../harness';

/**
 * Found while testing content saves: the embedded database once interleaved the protocol messages of
 * concurrent connections (one connection's Bind landing on another's Parse), so a query could come
 * back empty or with another query's rows. Every query must answer for itself, however many run at once.
 */
describe('concurrent queries', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await openMigratedDatabase();
  });
  afterAll(() => db.close());

  it('answers each of many parallel parameterized queries with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, async (_, n) => {
        // Different statements with different shapes: a Bind landing on another connection's Parse shows at once.
        const rows: Record<string, unknown>[] = await db.dataSource.query(`SELECT $1::int AS n, $2::text AS label_${n}`, [n, `query-${n}`]);
        return rows;
      }),
    );
    results.forEach((rows, n) => expect(rows).toEqual([{ n, [`label_${n}`]: `query-${n}` }]));
  });

  it('answers reads correctly while a transaction holds a row lock', async () => {
    await db.dataSource.query('CREATE TABLE lock_probe (id int PRIMARY KEY, v text NOT NULL)');
    await db.dataSource.query(`INSERT INTO lock_probe VALUES (1, 'one'), (2, 'two')`);
    const writer = db.dataSource.transaction(async (manager) => {
      await manager.query('SELECT * FROM lock_probe WHERE id = 1 FOR UPDATE');
      await new Promise((resolve) => setTimeout(resolve, 30));
      await manager.query(`UPDATE lock_probe SET v = 'uno' WHERE id = 1`);
    });
    const readers = Array.from({ length: 20 }, (_, n) => db.dataSource.query(`SELECT v, ${n} AS reader FROM lock_probe WHERE id = $1`, [2]));
    const [, ...read] = await Promise.all([writer, ...readers]);
    read.forEach((rows, n) => expect(rows).toEqual([{ v: 'two', reader: n }]));
  });

  it('answers reads correctly while transactions fail and roll back around them', async () => {
    await db.dataSource.query('CREATE TABLE rollback_probe (id int PRIMARY KEY, v text NOT NULL)');
    await db.dataSource.query(`INSERT INTO rollback_probe VALUES (1, 'one'), (2, 'two')`);
    const writers = Array.from({ length: 4 }, (_, n) =>
      db.dataSource
        .transaction(async (manager) => {
          const [row] = await manager.query('SELECT * FROM rollback_probe WHERE id = $1 FOR UPDATE', [1]);
          if (n > 0) throw new Error(`conflict ${row.v}`);
          await manager.query(`UPDATE rollback_probe SET v = $1 WHERE id = 1`, [`v${n}`]);
        })
        .catch((error: Error) => error.message),
    );
    const readers = Array.from({ length: 30 }, (_, n) => db.dataSource.query(`SELECT v AS v, ${n} AS reader FROM rollback_probe WHERE id = $1`, [2]));
    const results = await Promise.all([...writers, ...readers]);
    results.slice(4).forEach((rows, n) => expect(rows).toEqual([{ v: 'two', reader: n }]));
  });
});
