import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateClinicalCore1795654311496 implements MigrationInterface {
    name = 'CreateClinicalCore1795654311496'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "therapy_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "therapist_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "modality" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'SCHEDULED',
                "join_details" character varying(500),
                "cancel_reason" character varying(500),
                "cancelled_by" uuid,
                "agenda" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_6fe6d9add6f1790d13c7946d1cf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "therapy_sessions_client_time_idx" ON "therapy_sessions" ("client_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "therapy_sessions_therapist_time_idx" ON "therapy_sessions" ("therapist_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "check_ins" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "therapist_id" uuid NOT NULL,
                "bond" smallint NOT NULL,
                "goals" smallint NOT NULL,
                "approach" smallint NOT NULL,
                "overall" smallint NOT NULL,
                "comment" text,
                "concern_reasons" text array NOT NULL DEFAULT '{}',
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "check_ins_scores_range" CHECK (
                    "bond" BETWEEN 0 AND 10
                    AND "goals" BETWEEN 0 AND 10
                    AND "approach" BETWEEN 0 AND 10
                    AND "overall" BETWEEN 0 AND 10
                ),
                CONSTRAINT "PK_fac7f27bc829a454ad477c13f62" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "check_ins_session_key" ON "check_ins" ("session_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "check_ins_client_time_idx" ON "check_ins" ("client_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "reflections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "body" text NOT NULL,
                "mood" smallint,
                "shared_with_id" uuid,
                "shared_at" TIMESTAMP WITH TIME ZONE,
                "read_by_therapist_at" TIMESTAMP WITH TIME ZONE,
                "prompt_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4154d824fef84e88b13fbe26b06" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "reflections_shared_idx" ON "reflections" ("shared_with_id", "read_by_therapist_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "reflections_client_time_idx" ON "reflections" ("client_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "reflection_responses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "reflection_id" uuid NOT NULL,
                "therapist_id" uuid NOT NULL,
                "body" text NOT NULL,
                "read_by_client_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_51eaa60e5e5a3753a066f94fa26" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "reflection_responses_reflection_idx" ON "reflection_responses" ("reflection_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "reflection_drafts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "body" text NOT NULL,
                "mood" smallint,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4a7d9aa922e06d1d05fbf7cb39a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "reflection_drafts_client_key" ON "reflection_drafts" ("client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "practice_prompts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "client_id" uuid NOT NULL,
                "therapist_id" uuid NOT NULL,
                "body" character varying(1000) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "archived_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_af363aad437eaf013d5b5439bb5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "practice_prompts_client_idx" ON "practice_prompts" ("client_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "session_notes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "signed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c0c90f57f8af96a8b1252f86ef0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "session_notes_session_key" ON "session_notes" ("session_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "session_note_addenda" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "note_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1681ad3fd421a972feca52169eb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "session_note_addenda_note_idx" ON "session_note_addenda" ("note_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "therapy_sessions"
            ADD CONSTRAINT "FK_becf2518ca45977a271bd404939" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "therapy_sessions"
            ADD CONSTRAINT "FK_77c53ec87a7e222843cb7df612b" FOREIGN KEY ("therapist_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "check_ins"
            ADD CONSTRAINT "FK_38c1ee9b519e639d56965b26b07" FOREIGN KEY ("session_id") REFERENCES "therapy_sessions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reflections"
            ADD CONSTRAINT "FK_efd1b103dee20dd7ea3d4527877" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "reflection_responses"
            ADD CONSTRAINT "FK_60ff2cbe83ba0c21b01e62e3c90" FOREIGN KEY ("reflection_id") REFERENCES "reflections"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_prompts"
            ADD CONSTRAINT "FK_c0644c69258138c8a94aa41f7cd" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_notes"
            ADD CONSTRAINT "FK_192d2c5fd04aa4e5fe56a6c029e" FOREIGN KEY ("session_id") REFERENCES "therapy_sessions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_note_addenda"
            ADD CONSTRAINT "FK_b94d94088f51cc9296c00f03858" FOREIGN KEY ("note_id") REFERENCES "session_notes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "session_note_addenda" DROP CONSTRAINT "FK_b94d94088f51cc9296c00f03858"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_notes" DROP CONSTRAINT "FK_192d2c5fd04aa4e5fe56a6c029e"
        `);
        await queryRunner.query(`
            ALTER TABLE "practice_prompts" DROP CONSTRAINT "FK_c0644c69258138c8a94aa41f7cd"
        `);
        await queryRunner.query(`
            ALTER TABLE "reflection_responses" DROP CONSTRAINT "FK_60ff2cbe83ba0c21b01e62e3c90"
        `);
        await queryRunner.query(`
            ALTER TABLE "reflections" DROP CONSTRAINT "FK_efd1b103dee20dd7ea3d4527877"
        `);
        await queryRunner.query(`
            ALTER TABLE "check_ins" DROP CONSTRAINT "FK_38c1ee9b519e639d56965b26b07"
        `);
        await queryRunner.query(`
            ALTER TABLE "therapy_sessions" DROP CONSTRAINT "FK_77c53ec87a7e222843cb7df612b"
        `);
        await queryRunner.query(`
            ALTER TABLE "therapy_sessions" DROP CONSTRAINT "FK_becf2518ca45977a271bd404939"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."session_note_addenda_note_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "session_note_addenda"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."session_notes_session_key"
        `);
        await queryRunner.query(`
            DROP TABLE "session_notes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."practice_prompts_client_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "practice_prompts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reflection_drafts_client_key"
        `);
        await queryRunner.query(`
            DROP TABLE "reflection_drafts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reflection_responses_reflection_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "reflection_responses"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reflections_client_time_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reflections_shared_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "reflections"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."check_ins_client_time_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."check_ins_session_key"
        `);
        await queryRunner.query(`
            DROP TABLE "check_ins"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."therapy_sessions_therapist_time_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."therapy_sessions_client_time_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "therapy_sessions"
        `);
    }

}
