import type { MigrationInterface, QueryRunner } from 'typeorm';

/** PHQ-9 and GAD-7: each client's schedule, their answers and drafts, and the safety flags answers raise. */
export class CreateMeasures1796500000300 implements MigrationInterface {
  name = 'CreateMeasures1796500000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "measure_schedules" (
        "client_id" uuid NOT NULL,
        "kind" character varying(8) NOT NULL,
        "schedule" character varying(24) NOT NULL,
        "set_by_id" uuid NOT NULL,
        "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "measure_schedules_pkey" PRIMARY KEY ("client_id", "kind")
      )`);
    await queryRunner.query(`
      CREATE TABLE "measure_responses" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "client_id" uuid NOT NULL,
        "therapist_id" uuid,
        "kind" character varying(8) NOT NULL,
        "answers" smallint array NOT NULL,
        "total" smallint NOT NULL,
        "band" character varying(24) NOT NULL,
        "safety_concern" boolean NOT NULL,
        "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "measure_responses_total_range" CHECK ("total" BETWEEN 0 AND 27),
        CONSTRAINT "measure_responses_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "measure_responses_client_kind_time_idx" ON "measure_responses" ("client_id", "kind", "completed_at")`);
    await queryRunner.query(`
      CREATE TABLE "measure_drafts" (
        "client_id" uuid NOT NULL,
        "kind" character varying(8) NOT NULL,
        "answers" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "measure_drafts_pkey" PRIMARY KEY ("client_id", "kind")
      )`);
    await queryRunner.query(`
      CREATE TABLE "safety_flags" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "client_id" uuid NOT NULL,
        "therapist_id" uuid,
        "response_id" uuid NOT NULL,
        "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "acknowledged_at" TIMESTAMP WITH TIME ZONE,
        "acknowledged_by_id" uuid,
        "acknowledgement_note" text,
        CONSTRAINT "safety_flags_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "safety_flags_response_key" ON "safety_flags" ("response_id")`);
    await queryRunner.query(`CREATE INDEX "safety_flags_open_idx" ON "safety_flags" ("therapist_id", "raised_at") WHERE "acknowledged_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "safety_flags"`);
    await queryRunner.query(`DROP TABLE "measure_drafts"`);
    await queryRunner.query(`DROP TABLE "measure_responses"`);
    await queryRunner.query(`DROP TABLE "measure_schedules"`);
  }
}
