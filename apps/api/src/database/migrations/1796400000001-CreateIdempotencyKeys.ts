import type { MigrationInterface, QueryRunner } from "typeorm";

/** Answers kept under a caller's Idempotency-Key for 24 hours, so a retried mutation is done once. */
export class CreateIdempotencyKeys1796400000001 implements MigrationInterface {
    name = 'CreateIdempotencyKeys1796400000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "principal" character varying(64) NOT NULL,
                "key" character varying(255) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "http_status" smallint,
                "response" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("principal", "key")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idempotency_keys_expiry_idx" ON "idempotency_keys" ("expires_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."idempotency_keys_expiry_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
    }
}
