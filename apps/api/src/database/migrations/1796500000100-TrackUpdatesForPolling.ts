import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `updatedSince` on the sessions, reflections, check-ins and caseload lists reads `updated_at`.
 * Check-ins had none: acknowledging one changes it, so it gets one, backfilled from the latest change we know of.
 * A reflection's responses did not touch it: the backfill brings in the newest response, and the service now
 * touches it on every response. A reflection taken back keeps when (`unshared_at`), so the caseload can say that
 * client's counts changed without looking at private reflections. Each index starts with the column the lists and the caseload filter by,
 * so a poll reads only the rows that changed.
 */
export class TrackUpdatesForPolling1796500000100 implements MigrationInterface {
  name = 'TrackUpdatesForPolling1796500000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "check_ins" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`UPDATE "check_ins" SET "updated_at" = GREATEST("created_at", COALESCE("acknowledged_at", "created_at"))`);
    await queryRunner.query(`
      UPDATE "reflections" r SET "updated_at" = latest.at
      FROM (SELECT "reflection_id", max("created_at") AS at FROM "reflection_responses" GROUP BY "reflection_id") latest
      WHERE latest."reflection_id" = r."id" AND latest.at > r."updated_at"`);
    await queryRunner.query(`ALTER TABLE "reflections" ADD "unshared_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "therapy_sessions_client_updated_idx" ON "therapy_sessions" ("client_id", "updated_at")`);
    await queryRunner.query(`CREATE INDEX "therapy_sessions_therapist_updated_idx" ON "therapy_sessions" ("therapist_id", "updated_at")`);
    await queryRunner.query(`CREATE INDEX "reflections_client_updated_idx" ON "reflections" ("client_id", "updated_at")`);
    await queryRunner.query(`CREATE INDEX "reflections_shared_updated_idx" ON "reflections" ("shared_with_id", "updated_at")`);
    await queryRunner.query(`CREATE INDEX "check_ins_client_updated_idx" ON "check_ins" ("client_id", "updated_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."check_ins_client_updated_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reflections_shared_updated_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reflections_client_updated_idx"`);
    await queryRunner.query(`DROP INDEX "public"."therapy_sessions_therapist_updated_idx"`);
    await queryRunner.query(`DROP INDEX "public"."therapy_sessions_client_updated_idx"`);
    await queryRunner.query(`ALTER TABLE "reflections" DROP COLUMN "unshared_at"`);
    await queryRunner.query(`ALTER TABLE "check_ins" DROP COLUMN "updated_at"`);
  }
}
