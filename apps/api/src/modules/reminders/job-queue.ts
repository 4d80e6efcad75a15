import PgBoss from 'pg-boss';
import { EntityManager, type DataSource } from 'typeorm';

/** pg-boss keeps its tables in a schema of their own, beside Attune's. */
export const JOB_SCHEMA = 'pgboss';

/** One reminder per session, due at the session's start less the client's chosen minutes. */
export const SESSION_REMINDER_QUEUE = 'session-reminder';
/** The periodic pass that emails clients a measure has become due for (and catches up missed session reminders). */
export const REMINDER_SWEEP_QUEUE = 'reminder-sweep';
/** How often the sweep runs: every quarter of an hour, once across all processes (pg-boss's cron). */
export const REMINDER_SWEEP_CRON = '*/15 * * * *';

/**
 * How pg-boss reaches the database: through Attune's own TypeORM data source, never a pool of its own,
 * so the embedded database (one connection, no outside address) needs nothing more and PostgreSQL's pool
 * limits hold. Given a transaction's manager, the job is written in that transaction: it exists exactly
 * when the session change that asked for it commits.
 */
export function jobDatabase(target: DataSource | EntityManager): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const inTransaction = target instanceof EntityManager ? (target.queryRunner ?? null) : null;
      const runner = inTransaction ?? (target instanceof EntityManager ? target.dataSource : target).createQueryRunner();
      try {
        const result = await runner.query(text, values, true);
        // Several statements in one text (pg-boss's schema set-up) answer without rows.
        return { rows: (result.records as unknown[] | undefined) ?? [] };
      } finally {
        if (!inTransaction) await runner.release();
      }
    },
  };
}

export interface JobQueueOptions {
  /** Whether this process works jobs and runs the queue's maintenance and cron; every process can queue jobs. */
  worker: boolean;
}

/** A pg-boss instance that speaks through the data source (see `jobDatabase`). */
export function createJobQueue(dataSource: DataSource, { worker }: JobQueueOptions): PgBoss {
  return new PgBoss({
    db: jobDatabase(dataSource),
    schema: JOB_SCHEMA,
    // Its schema and queues come from Attune's migrations (1796600000301); start-up checks the version matches.
    migrate: false,
    // Maintenance (expiring, archiving) and cron belong to the processes that work jobs.
    supervise: worker,
    schedule: worker,
  });
}
