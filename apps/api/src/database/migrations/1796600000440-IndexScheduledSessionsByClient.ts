import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client's next scheduled session (the caseload, the measures' due dates). The caseload's statement is
 * prepared, and PostgreSQL plans it once without the parameter values (a generic plan) only while that plan
 * looks no dearer than planning each run. Not knowing `now`, it assumed a third of a client's sessions lie
 * ahead and priced the next-session lookup by the length of the history: at twenty years the generic plan
 * lost, so every request was planned afresh (1.4 ms, half the statement's time). Only the scheduled sessions
 * are in this index, and they do not pile up with history, so the estimate and the read stay small at any size.
 */
export class IndexScheduledSessionsByClient1796600000440 implements MigrationInterface {
  name = 'IndexScheduledSessionsByClient1796600000440';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "therapy_sessions_client_scheduled_idx" ON "therapy_sessions" ("client_id", "starts_at") WHERE "status" = 'SCHEDULED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."therapy_sessions_client_scheduled_idx"`);
  }
}
