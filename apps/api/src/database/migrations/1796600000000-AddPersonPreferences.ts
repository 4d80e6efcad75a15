import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person's own settings for reminders and times. A time zone nobody chose is null (the portal then
 * uses the browser's, emails the practice's), so the old 'UTC' default, never chosen by anyone, goes.
 * Session reminders are on 24 hours ahead unless the person changes it; null minutes means off.
 */
export class AddPersonPreferences1796600000000 implements MigrationInterface {
  name = 'AddPersonPreferences1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "time_zone" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "time_zone" DROP DEFAULT`);
    await queryRunner.query(`UPDATE "users" SET "time_zone" = NULL WHERE "time_zone" = 'UTC'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "session_reminder_minutes" integer DEFAULT 1440`);
    await queryRunner.query(`ALTER TABLE "users" ADD "measure_reminders" boolean NOT NULL DEFAULT true`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "measure_reminders"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "session_reminder_minutes"`);
    await queryRunner.query(`UPDATE "users" SET "time_zone" = 'UTC' WHERE "time_zone" IS NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "time_zone" SET DEFAULT 'UTC'`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "time_zone" SET NOT NULL`);
  }
}
