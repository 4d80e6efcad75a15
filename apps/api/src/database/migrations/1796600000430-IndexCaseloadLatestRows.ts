import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload's "latest per client" parts should read only the rows they return. At 24,816 clients with twenty
 * years of history two did not:
 * - a measure's first and latest total is ordered by (completed_at, id); the care index stopped at completed_at,
 *   so PostgreSQL read every response of the kind (~140 per client) and sorted them. With `id` it reads one.
 * - the last check-ins within the relationship: on (client, created_at) the therapist is a filter, and the
 *   planner chose to read all of a client's check-ins (~194) through the `updated_at` index and sort. Keyed by
 *   client, therapist and time it reads the few it shows, newest first.
 */
export class IndexCaseloadLatestRows1796600000430 implements MigrationInterface {
  name = 'IndexCaseloadLatestRows1796600000430';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."measure_responses_care_idx"`);
    await queryRunner.query(`CREATE INDEX "measure_responses_care_idx" ON "measure_responses" ("client_id", "therapist_id", "kind", "completed_at", "id")`);
    await queryRunner.query(`CREATE INDEX "check_ins_care_idx" ON "check_ins" ("client_id", "therapist_id", "created_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."check_ins_care_idx"`);
    await queryRunner.query(`DROP INDEX "public"."measure_responses_care_idx"`);
    await queryRunner.query(`CREATE INDEX "measure_responses_care_idx" ON "measure_responses" ("client_id", "therapist_id", "kind", "completed_at")`);
  }
}
