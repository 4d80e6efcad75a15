import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Audit rows carry the server's own request id; what a caller sent as x-request-id is kept beside it,
 * so a caller cannot choose (or collide with) the id that ties an audit row to the server's logs.
 */
export class AuditClientRequestId1795660000000 implements MigrationInterface {
    name = 'AuditClientRequestId1795660000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "audit_events" ADD "client_request_id" character varying(64)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "audit_events" DROP COLUMN "client_request_id"
        `);
    }
}
