import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload counts the reflections a client shared with their therapist in the last 90 days. On
 * (client, shared_at) PostgreSQL also read the therapist's whole shared history (an index AND with
 * `reflections_shared_updated_idx`: 2,460 entries per client at ten times the history, 250 at today's); keyed
 * by client, therapist and time it reads only the rows it counts. Nothing else reads the old index.
 */
export class IndexSharedReflectionsByTherapist1796600000420 implements MigrationInterface {
  name = 'IndexSharedReflectionsByTherapist1796600000420';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."reflections_client_shared_idx"`);
    await queryRunner.query(`CREATE INDEX "reflections_client_shared_idx" ON "reflections" ("client_id", "shared_with_id", "shared_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."reflections_client_shared_idx"`);
    await queryRunner.query(`CREATE INDEX "reflections_client_shared_idx" ON "reflections" ("client_id", "shared_at")`);
  }
}
