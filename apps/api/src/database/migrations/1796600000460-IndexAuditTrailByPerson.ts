import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's audit trail, newest first, a page at a time. The list asked for `actor_id = :u OR
 * subject_user_id = :u ORDER BY id DESC`, and with `(actor_id, occurred_at)` and `(subject_user_id)`
 * PostgreSQL combined both indexes, read every entry of the person and sorted them: a therapist gains ten
 * entries with each caseload page they open. Each side is now keyed with `id`, so the list reads a page from
 * each and merges them. The two indexes replace the old ones, so writing an entry costs what it did.
 */
export class IndexAuditTrailByPerson1796600000460 implements MigrationInterface {
  name = 'IndexAuditTrailByPerson1796600000460';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "audit_events_actor_idx" ON "audit_events" ("actor_id", "id")`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_actor_time_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_subject_idx"`);
    await queryRunner.query(`CREATE INDEX "audit_events_subject_idx" ON "audit_events" ("subject_user_id", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_events_subject_idx"`);
    await queryRunner.query(`CREATE INDEX "audit_events_subject_idx" ON "audit_events" ("subject_user_id")`);
    await queryRunner.query(`CREATE INDEX "audit_events_actor_time_idx" ON "audit_events" ("actor_id", "occurred_at")`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_actor_idx"`);
  }
}
