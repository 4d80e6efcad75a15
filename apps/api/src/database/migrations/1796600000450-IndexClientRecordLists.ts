import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client record's lists, newest first, read a page rather than a client's whole history. Measure
 * responses were ordered by time across both measures, which `measure_responses_care_idx` (kind before time)
 * cannot give: PostgreSQL read every response with the therapist (1,030 at twenty years) and sorted them for a
 * page of 100; the client's own list had no index in time order at all. Reflections shared with the therapist
 * were read in full (204) and sorted for a page of 20. Each list now reads its page from an index in its order.
 */
export class IndexClientRecordLists1796600000450 implements MigrationInterface {
  name = 'IndexClientRecordLists1796600000450';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "measure_responses_care_time_idx" ON "measure_responses" ("client_id", "therapist_id", "completed_at", "id")`);
    await queryRunner.query(`CREATE INDEX "measure_responses_client_time_idx" ON "measure_responses" ("client_id", "completed_at", "id")`);
    await queryRunner.query(`CREATE INDEX "reflections_client_shared_time_idx" ON "reflections" ("client_id", "shared_with_id", "created_at", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."reflections_client_shared_time_idx"`);
    await queryRunner.query(`DROP INDEX "public"."measure_responses_client_time_idx"`);
    await queryRunner.query(`DROP INDEX "public"."measure_responses_care_time_idx"`);
  }
}
