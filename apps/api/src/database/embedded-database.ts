import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

export interface EmbeddedDatabase {
  /** Connection settings for the ordinary `pg` driver, exactly as for PostgreSQL. */
  connection: { host: string; port: number; username: string; database: string };
  stop(): Promise<void>;
}

export class EmbeddedDatabaseLockedError extends Error {}

/**
 * PGlite served over the PostgreSQL wire protocol on a Unix socket inside this process, so TypeORM
 * uses the same `pg` driver as in production and each connection keeps its own transaction.
 * A lock on the folder makes a second process refuse instead of silently losing writes.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dbDir = path.join(dataDir, 'pglite');
  // The folder holds therapy records: readable by its owner only, also when it was made before this rule
  // (mkdir's mode is masked by the umask, so it is set outright).
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  fs.mkdirSync(dbDir, { recursive: true, mode: 0o700 });

  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dbDir, {
      lockfilePath: path.join(dataDir, 'pglite.lock'),
      stale: 15_000,
      update: 5_000,
      onCompromised: (error) => {
        // Another process took the folder: carrying on would lose writes, so stop at once.
        console.error(`The embedded database lock was lost (${error.message}). Stopping to keep the data safe.`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new EmbeddedDatabaseLockedError(
        `The embedded database in ${dbDir} is already open in another Attune process. Stop that process first, or set DATA_DIR to another folder.`,
      );
    }
    throw error;
  }

  // Both packages are ESM-only; load them where they are needed.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dbDir);

  // pg looks for `<host>/.s.PGSQL.<port>`; a stale socket from a crash is ours to remove, since we hold the lock.
  const socketDir = path.join(dataDir, 'run');
  fs.mkdirSync(socketDir, { recursive: true });
  const port = 5432;
  const socketPath = path.join(socketDir, `.s.PGSQL.${port}`);
  fs.rmSync(socketPath, { force: true });
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 20 });
  await server.start();

  return {
    connection: { host: socketDir, port, username: 'postgres', database: 'postgres' },
    async stop() {
      await server.stop();
      await db.close();
      fs.rmSync(socketPath, { force: true });
      await release();
    },
  };
}
