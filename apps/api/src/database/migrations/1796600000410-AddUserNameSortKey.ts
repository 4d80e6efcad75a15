import type { MigrationInterface, QueryRunner } from 'typeorm';
import { nameSortKey } from '@attune/domain';

const BATCH = 1000;

/**
 * The caseload pages by name in SQL: a sort key beside each name (`nameSortKey`: accents and case folded),
 * compared byte by byte (`COLLATE "C"`), which PostgreSQL and the embedded PGlite order alike. The key is
 * worked out in JavaScript, so existing rows are filled in here, a batch at a time, before the column is
 * required. No index: the caseload reaches a therapist's clients through `care_relationships` and sorts
 * those few, so an index on the key alone would not serve it.
 */
export class AddUserNameSortKey1796600000410 implements MigrationInterface {
  name = 'AddUserNameSortKey1796600000410';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "name_sort_key" text COLLATE "C"`);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; display_name: string }[] = await queryRunner.query(
        `SELECT id, display_name FROM "users" WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      await queryRunner.query(
        `UPDATE "users" u SET name_sort_key = k.key FROM unnest($1::uuid[], $2::text[]) AS k(id, key) WHERE u.id = k.id`,
        [rows.map((row) => row.id), rows.map((row) => nameSortKey(row.display_name))],
      );
      after = rows.at(-1)!.id;
    }
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "name_sort_key" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "name_sort_key"`);
  }
}
