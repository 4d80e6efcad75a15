import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions remember when they last proved the password or second factor (recent sign-in checks). */
export class AddSessionAuthenticatedAt1795700000000 implements MigrationInterface {
  name = 'AddSessionAuthenticatedAt1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Existing sessions get null: they count as not recent, so the first sensitive change asks for the password.
    await queryRunner.query(`ALTER TABLE "auth_sessions" ADD "authenticated_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP COLUMN "authenticated_at"`);
  }
}
