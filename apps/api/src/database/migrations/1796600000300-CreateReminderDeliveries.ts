import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per reminder email sent, keyed by what it reminds of (a session at a time, a measure's due
 * period), so a reminder goes out once even when several processes work the job queue or a job is retried.
 * The outbox keeps the sender it was given, so a practice's name on reminders can be checked.
 */
export class CreateReminderDeliveries1796600000300 implements MigrationInterface {
  name = 'CreateReminderDeliveries1796600000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reminder_deliveries" ("key" character varying(200) NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_reminder_deliveries" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "reminder_deliveries_user_idx" ON "reminder_deliveries" ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "FK_reminder_deliveries_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "outbox_emails" ADD "from_address" character varying(320)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_emails" DROP COLUMN "from_address"`);
    await queryRunner.query(`DROP TABLE "reminder_deliveries"`);
  }
}
