import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateContentPublishing1795654409581 implements MigrationInterface {
    name = 'CreateContentPublishing1795654409581'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "article_revisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "article_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "event" character varying(16) NOT NULL,
                "slug" character varying(100) NOT NULL,
                "title" character varying(200) NOT NULL,
                "summary" character varying(500) NOT NULL,
                "body_markdown" text NOT NULL,
                "tags" text array NOT NULL DEFAULT '{}',
                "cover_image_url" character varying(2000),
                "cover_image_alt" character varying(300),
                "seo_title" character varying(70),
                "seo_description" character varying(300),
                "author_id" uuid NOT NULL,
                "edited_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e5a3375569c46d93baa9fe4bfe4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "article_revisions_article_idx" ON "article_revisions" ("article_id", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "article_slug_redirects" (
                "slug" character varying(100) NOT NULL,
                "article_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d4990ee49b62f921b334ed9689d" PRIMARY KEY ("slug")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "article_slug_redirects_article_idx" ON "article_slug_redirects" ("article_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "shared_articles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "article_id" uuid NOT NULL,
                "therapist_id" uuid NOT NULL,
                "client_id" uuid NOT NULL,
                "note" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d157530c69b893b24ee8bbad2f5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "shared_articles_therapist_idx" ON "shared_articles" ("therapist_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "shared_articles_client_idx" ON "shared_articles" ("client_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "therapist_profiles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "slug" character varying(100) NOT NULL,
                "display_name" character varying(100) NOT NULL,
                "pronouns" character varying(40),
                "credentials" character varying(200),
                "approach" text NOT NULL,
                "specialties" text array NOT NULL DEFAULT '{}',
                "accepting_new_clients" boolean NOT NULL DEFAULT false,
                "published" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f797abb29d988b98c28b933949b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "therapist_profiles_user_key" ON "therapist_profiles" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "therapist_profiles_slug_key" ON "therapist_profiles" ("slug")
        `);
        await queryRunner.query(`
            CREATE INDEX "therapist_profiles_directory_idx" ON "therapist_profiles" ("published", "display_name")
        `);
        await queryRunner.query(`
            CREATE TABLE "first_conversation_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "email" character varying(254) NOT NULL,
                "phone" character varying(30),
                "preferred_contact" character varying(8) NOT NULL,
                "therapist_id" uuid,
                "message" text,
                "status" character varying(16) NOT NULL DEFAULT 'NEW',
                "handled_at" TIMESTAMP WITH TIME ZONE,
                "handled_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d2a591720446d9bc6a49a113f59" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "first_conversation_requests_status_idx" ON "first_conversation_requests" ("status", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "articles"
            ADD "cover_image_url" character varying(2000)
        `);
        await queryRunner.query(`
            ALTER TABLE "articles"
            ADD "cover_image_alt" character varying(300)
        `);
        await queryRunner.query(`
            ALTER TABLE "articles"
            ADD "seo_title" character varying(70)
        `);
        await queryRunner.query(`
            ALTER TABLE "articles"
            ADD "seo_description" character varying(300)
        `);
        await queryRunner.query(`
            ALTER TABLE "article_revisions"
            ADD CONSTRAINT "FK_d710c0a22d74814285c06f8994d" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "article_revisions"
            ADD CONSTRAINT "FK_0746599cbfd0e35aeedd0095338" FOREIGN KEY ("edited_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "article_slug_redirects"
            ADD CONSTRAINT "FK_6c05a58c50dce6b76ab9ac8b385" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "shared_articles"
            ADD CONSTRAINT "FK_8e79a78ce249134cd10544096f2" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "shared_articles"
            ADD CONSTRAINT "FK_aa27de3196f70245818034c0d0a" FOREIGN KEY ("therapist_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "shared_articles"
            ADD CONSTRAINT "FK_c037253ee5cade74d6236d00076" FOREIGN KEY ("client_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "therapist_profiles"
            ADD CONSTRAINT "FK_727b50cdd502750ef052abbab1a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "first_conversation_requests"
            ADD CONSTRAINT "FK_b85a4014c11195d58be01a94f8c" FOREIGN KEY ("therapist_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "first_conversation_requests"
            ADD CONSTRAINT "FK_3e1c6d2a9c47e7222001bc63e3a" FOREIGN KEY ("handled_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        // Articles written before revisions existed start their history as they are now.
        await queryRunner.query(`
            INSERT INTO "article_revisions" ("article_id", "version", "event", "slug", "title", "summary", "body_markdown", "tags", "author_id", "created_at")
            SELECT "id", "version", 'CREATED', "slug", "title", "summary", "body_markdown", "tags", "author_id", "updated_at" FROM "articles"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "first_conversation_requests" DROP CONSTRAINT "FK_3e1c6d2a9c47e7222001bc63e3a"
        `);
        await queryRunner.query(`
            ALTER TABLE "first_conversation_requests" DROP CONSTRAINT "FK_b85a4014c11195d58be01a94f8c"
        `);
        await queryRunner.query(`
            ALTER TABLE "therapist_profiles" DROP CONSTRAINT "FK_727b50cdd502750ef052abbab1a"
        `);
        await queryRunner.query(`
            ALTER TABLE "shared_articles" DROP CONSTRAINT "FK_c037253ee5cade74d6236d00076"
        `);
        await queryRunner.query(`
            ALTER TABLE "shared_articles" DROP CONSTRAINT "FK_aa27de3196f70245818034c0d0a"
        `);
        await queryRunner.query(`
            ALTER TABLE "shared_articles" DROP CONSTRAINT "FK_8e79a78ce249134cd10544096f2"
        `);
        await queryRunner.query(`
            ALTER TABLE "article_slug_redirects" DROP CONSTRAINT "FK_6c05a58c50dce6b76ab9ac8b385"
        `);
        await queryRunner.query(`
            ALTER TABLE "article_revisions" DROP CONSTRAINT "FK_0746599cbfd0e35aeedd0095338"
        `);
        await queryRunner.query(`
            ALTER TABLE "article_revisions" DROP CONSTRAINT "FK_d710c0a22d74814285c06f8994d"
        `);
        await queryRunner.query(`
            ALTER TABLE "articles" DROP COLUMN "seo_description"
        `);
        await queryRunner.query(`
            ALTER TABLE "articles" DROP COLUMN "seo_title"
        `);
        await queryRunner.query(`
            ALTER TABLE "articles" DROP COLUMN "cover_image_alt"
        `);
        await queryRunner.query(`
            ALTER TABLE "articles" DROP COLUMN "cover_image_url"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."first_conversation_requests_status_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "first_conversation_requests"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."therapist_profiles_directory_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."therapist_profiles_slug_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."therapist_profiles_user_key"
        `);
        await queryRunner.query(`
            DROP TABLE "therapist_profiles"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."shared_articles_client_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."shared_articles_therapist_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "shared_articles"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."article_slug_redirects_article_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "article_slug_redirects"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."article_revisions_article_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "article_revisions"
        `);
    }

}
