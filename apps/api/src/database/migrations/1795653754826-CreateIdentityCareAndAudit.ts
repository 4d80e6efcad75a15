import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateIdentityCareAndAudit1795653754826 implements MigrationInterface {
    name = 'CreateIdentityCareAndAudit1795653754826'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_role" character varying(16),
                "via_token_id" uuid,
                "action" character varying(64) NOT NULL,
                "target_type" character varying(32),
                "target_id" character varying(64),
                "subject_user_id" uuid,
                "ip" character varying(64),
                "request_id" character varying(64),
                "metadata" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_events_subject_idx" ON "audit_events" ("subject_user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_events_time_idx" ON "audit_events" ("occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_events_actor_time_idx" ON "audit_events" ("actor_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "care_relationships" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "therapist_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "ended_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_c0a290079a18814babc5967f34d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "care_relationships_client_idx" ON "care_relationships" ("client_id", "ended_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "care_relationships_therapist_active_idx" ON "care_relationships" ("therapist_id", "ended_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "account_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" character varying(64) NOT NULL,
                "purpose" character varying(20) NOT NULL,
                "email" character varying(254) NOT NULL,
                "user_id" uuid,
                "role" character varying(16),
                "display_name" character varying(100),
                "therapist_id" uuid,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "account_tokens_hash_key" ON "account_tokens" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "api_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                "scopes" text array NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "api_tokens_user_idx" ON "api_tokens" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "auth_sessions" (
                "id" character varying(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "stage" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "user_agent" character varying(300),
                "ip" character varying(64),
                CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" ("user_id", "revoked_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "mfa_recovery_codes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "code_hash" character varying(64) NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0076416b1b84361afc3371ba121" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "mfa_recovery_codes_user_idx" ON "mfa_recovery_codes" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "outbox_emails" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "to_address" character varying(254) NOT NULL,
                "subject" character varying(200) NOT NULL,
                "text" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8cb122e0b8065573966b2e1acf6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "outbox_emails_time_idx" ON "outbox_emails" ("created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "failed_sign_ins"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "locked_until"
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "mfa_pending_secret" text
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "deactivated_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "care_relationships"
            ADD CONSTRAINT "FK_ae8245e35f0f2419a0c35d9e489" FOREIGN KEY ("therapist_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "care_relationships"
            ADD CONSTRAINT "FK_2071284afd1ce23ef98e410f48d" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Not expressible in the entities, so they live here only:
        // a client is in the active care of at most one therapist at a time,
        await queryRunner.query(`
            CREATE UNIQUE INDEX "care_relationships_one_active_per_client" ON "care_relationships" ("client_id") WHERE "ended_at" IS NULL
        `);
        // and the audit trail is append-only, whoever connects.
        await queryRunner.query(`
            CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only';
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON "audit_events"
            FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
        `);
        await queryRunner.query(`
            CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON "audit_events"`);
        await queryRunner.query(`DROP TRIGGER audit_events_no_update_or_delete ON "audit_events"`);
        await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
        await queryRunner.query(`DROP INDEX "public"."care_relationships_one_active_per_client"`);
        await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6"
        `);
        await queryRunner.query(`
            ALTER TABLE "care_relationships" DROP CONSTRAINT "FK_2071284afd1ce23ef98e410f48d"
        `);
        await queryRunner.query(`
            ALTER TABLE "care_relationships" DROP CONSTRAINT "FK_ae8245e35f0f2419a0c35d9e489"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "deactivated_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "mfa_pending_secret"
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "locked_until" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "failed_sign_ins" integer NOT NULL DEFAULT '0'
        `);
        await queryRunner.query(`
            DROP INDEX "public"."outbox_emails_time_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_emails"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."mfa_recovery_codes_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "mfa_recovery_codes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."auth_sessions_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "auth_sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."api_tokens_user_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."api_tokens_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "api_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."account_tokens_hash_key"
        `);
        await queryRunner.query(`
            DROP TABLE "account_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."care_relationships_therapist_active_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."care_relationships_client_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "care_relationships"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_events_actor_time_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_events_time_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_events_subject_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    }

}
