import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateUsersAndArticles1795653356019 implements MigrationInterface {
    name = 'CreateUsersAndArticles1795653356019'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "display_name" character varying(100) NOT NULL,
                "role" character varying(16) NOT NULL,
                "password_hash" text,
                "mfa_secret" text,
                "mfa_enabled" boolean NOT NULL DEFAULT false,
                "mfa_last_step" bigint,
                "failed_sign_ins" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "time_zone" character varying(64) NOT NULL DEFAULT 'UTC',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")
        `);
        await queryRunner.query(`
            CREATE INDEX "users_role_idx" ON "users" ("role")
        `);
        await queryRunner.query(`
            CREATE TABLE "articles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(100) NOT NULL,
                "title" character varying(200) NOT NULL,
                "summary" character varying(500) NOT NULL,
                "body_markdown" text NOT NULL,
                "body_html" text NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'DRAFT',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "tags" text array NOT NULL DEFAULT '{}',
                "author_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_0a6e2c450d83e0b6052c2793334" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "articles_slug_key" ON "articles" ("slug")
        `);
        await queryRunner.query(`
            CREATE INDEX "articles_author_idx" ON "articles" ("author_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "articles_public_list_idx" ON "articles" ("status", "published_at", "id")
        `);
        // The tag filter on the public index; GIN is not expressible in the entity, so it lives here only.
        await queryRunner.query(`
            CREATE INDEX "articles_tags_idx" ON "articles" USING GIN ("tags")
        `);
        await queryRunner.query(`
            ALTER TABLE "articles"
            ADD CONSTRAINT "FK_6515da4dff8db423ce4eb841490" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "articles" DROP CONSTRAINT "FK_6515da4dff8db423ce4eb841490"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."articles_tags_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."articles_public_list_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."articles_author_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."articles_slug_key"
        `);
        await queryRunner.query(`
            DROP TABLE "articles"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."users_role_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."users_email_key"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
    }

}
