import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job queue's tables (pg-boss, pinned, in the schema `pgboss`) and Attune's queues, made by a migration
 * like every other table: under the start-up lock, by the role that owns the schema, so the API's runtime
 * role needs only to read and write rows (docs/operations.md). pg-boss's own set-up text opens and commits
 * a transaction of its own; the migration already is one, so those two statements are left out. Upgrading
 * pg-boss to a new schema version takes a new migration (PgBoss.getMigrationPlans); until then start-up
 * refuses with pg-boss's "requires migrations".
 */
const JOB_SCHEMA = 'pgboss';

/** Attune's queues with pg-boss's options for each; a new queue comes with a new migration. */
const QUEUES = {
  // Stately: at most one waiting reminder per session (the session's id is the key); retried with backoff if mail is down.
  'session-reminder': { policy: 'stately', retryLimit: 5, retryDelay: 60, retryBackoff: true },
  // Singleton: one sweep at a time across every process.
  'reminder-sweep': { policy: 'singleton', retryLimit: 0 },
  // pg-boss's own, through which cron schedules send their jobs.
  '__pgboss__send-it': { policy: 'standard' },
};

export class CreateJobQueue1796600000301 implements MigrationInterface {
  name = 'CreateJobQueue1796600000301';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(withoutOwnTransaction(PgBoss.getConstructionPlans(JOB_SCHEMA)));
    for (const [name, options] of Object.entries(QUEUES)) {
      await queryRunner.query(`SELECT ${JOB_SCHEMA}.create_queue($1, $2::json)`, [name, JSON.stringify(options)]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA ${JOB_SCHEMA} CASCADE`);
  }
}

/** pg-boss's set-up is `BEGIN; … COMMIT;`: the statements between, to run inside the migration's transaction. */
export function withoutOwnTransaction(plan: string): string {
  const inner = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/.exec(plan);
  if (!inner) throw new Error('pg-boss set-up is not one BEGIN … COMMIT block: check it before upgrading pg-boss');
  return inner[1]!;
}
