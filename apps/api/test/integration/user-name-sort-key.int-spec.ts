import { randomUUID } from 'node:crypto';
import { nameSortKey } from '@attune/domain';
import { AddUserNameSortKey1796600000410 } from '../../src/database/migrations/1796600000410-AddUserNameSortKey';
import { insertRows } from '../../src/database/seed/scale-seed';
import { UserEntity } from '../../src/modules/users/user.entity';
import { openMigratedDatabase, type MigratedDatabase } from '../harness';

/** The caseload orders names by `users.name_sort_key`; it must follow the display name however that is written. */
describe("a person's name sort key", () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await openMigratedDatabase();
  });
  afterAll(() => db.close());

  const keyOf = async (id: string) => ((await db.dataSource.query(`SELECT name_sort_key AS key FROM users WHERE id = $1`, [id])) as { key: string }[])[0]!.key;

  it('is written with the name by save, insert and update', async () => {
    const users = db.dataSource.getRepository(UserEntity);
    const saved = await users.save(users.create({ email: `${randomUUID()}@example.test`, displayName: 'Élodie  Durand', role: 'CLIENT' }));
    expect(await keyOf(saved.id)).toBe('elodie durand');

    const id = randomUUID();
    await users.insert({ id, email: `${id}@example.test`, displayName: 'ZOË', role: 'CLIENT' });
    expect(await keyOf(id)).toBe('zoe');

    await users.update({ id }, { displayName: 'Ángel' });
    expect(await keyOf(id)).toBe('angel');
    // A write that leaves the name alone leaves the key alone.
    await users.update({ id }, { timeZone: 'Europe/Paris' });
    expect(await keyOf(id)).toBe('angel');

    saved.displayName = 'Øystein';
    await users.save(saved);
    expect(await keyOf(saved.id)).toBe('oystein');
  });

  it('is filled in for every existing person by the migration, batch after batch, and then required', async () => {
    const rows = Array.from({ length: 2_345 }, (_, i) => [randomUUID(), `${randomUUID()}@example.test`, `Nom ${i} Ÿvette`, 'stale', 'CLIENT']);
    await insertRows(db.dataSource.manager, 'users', ['id', 'email', 'display_name', 'name_sort_key', 'role'], rows);
    const migration = new AddUserNameSortKey1796600000410();
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const all: { name: string; key: string }[] = await db.dataSource.query(`SELECT display_name AS name, name_sort_key AS key FROM users`);
    expect(all.length).toBeGreaterThan(rows.length);
    expect(all.filter(({ name, key }) => key !== nameSortKey(name))).toEqual([]);
    await expect(db.dataSource.query(`INSERT INTO users (email, display_name, role) VALUES ('no-key@example.test', 'No key', 'CLIENT')`)).rejects.toThrow(/name_sort_key/);
  });
});
