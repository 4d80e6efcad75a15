import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The caseload counts a client's unread shared reflections and those shared in the last 90 days. With these
 * it reads only those rows (the unread ones from a small partial index), not the client's whole history.
 */
export class IndexReflectionsForCaseload1796169600000 implements MigrationInterface {
    name = 'IndexReflectionsForCaseload1796169600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "reflections_client_shared_idx" ON "reflections" ("client_id", "shared_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "reflections_client_unread_idx" ON "reflections" ("client_id", "shared_with_id") WHERE "read_by_therapist_at" IS NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."reflections_client_unread_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."reflections_client_shared_idx"
        `);
    }
}
