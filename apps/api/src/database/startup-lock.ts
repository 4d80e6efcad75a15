import type { DataSource } from 'typeorm';

/** The advisory-lock key that makes start-up steps (migrations, demo data, sealing secrets) run one replica at a time. */
export const STARTUP_LOCK_KEY = 727_000;

/**
 * Runs `work` while holding a session-level PostgreSQL advisory lock on a connection of its own, so
 * replicas started at the same moment on an empty database migrate one after the other: the first
 * applies the migrations, the next finds nothing left to do. The lock goes with its connection, so a
 * replica that dies while holding it frees it. The embedded database serves one process only (its
 * folder lock) and one connection, which a held lock would take from the work itself: no lock there.
 */
export async function whileHoldingStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (!(dataSource.options as { url?: string }).url) return work();
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    await lockHolder.release();
  }
}
