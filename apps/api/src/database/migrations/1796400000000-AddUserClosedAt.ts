import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client who closes their own account: the record is kept for RETENTION_YEARS from this time, then purged.
 * The partial index lets the purge find the closed accounts without reading every user.
 */
export class AddUserClosedAt1796400000000 implements MigrationInterface {
  name = 'AddUserClosedAt1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "users_closed_at_idx" ON "users" ("closed_at") WHERE "closed_at" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."users_closed_at_idx"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "closed_at"`);
  }
}
