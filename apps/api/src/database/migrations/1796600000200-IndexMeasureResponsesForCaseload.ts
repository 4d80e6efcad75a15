import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload flags a measure that worsens or does not improve from each client's first and latest total in
 * the current care relationship. Keyed by client, therapist and measure, each end is one index probe, however
 * much history came with an earlier therapist.
 */
export class IndexMeasureResponsesForCaseload1796600000200 implements MigrationInterface {
  name = 'IndexMeasureResponsesForCaseload1796600000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "measure_responses_care_idx" ON "measure_responses" ("client_id", "therapist_id", "kind", "completed_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."measure_responses_care_idx"`);
  }
}
