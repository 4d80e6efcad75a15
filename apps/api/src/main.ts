import 'reflect-metadata';
import type { Server } from 'node:http';
import { createApp } from './app';
import { checkSecretKey, installSecretBox, sealPlaintextSecrets, SecretKeyMismatchError } from './common/crypto/secret-box';
import { createLogger, logFormat } from './common/logger';
import { ConfigError, loadConfig, startupWarnings } from './config/config';
import { openDatabase } from './database/data-source';
import { EmbeddedDatabaseLockedError } from './database/embedded-database';
import { whileHoldingStartupLock } from './database/startup-lock';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoDataWanted, seedDemoDataIfEmpty } from './database/seed/demo-seed';
import { UserEntity } from './modules/users/user.entity';

/** How long SIGTERM waits for requests in flight before it cuts them off. */
const DRAIN_LIMIT_MS = 10_000;

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, logFormat(config));
  installSecretBox(config);
  for (const warning of startupWarnings(config)) logger.warn(warning);
  const database = await openDatabase(config);
  const query = (sql: string, parameters?: unknown[]) => database.dataSource.query(sql, parameters);
  const seeded = await whileHoldingStartupLock(database.dataSource, async () => {
    const applied = await database.dataSource.runMigrations({ transaction: 'each' });
    logger.info({ migrationsApplied: applied.length }, applied.length ? 'Migrations applied' : 'No migrations to apply');
    const seededNow = demoDataWanted(config) ? await seedDemoDataIfEmpty(database.dataSource) : false;
    await checkSecretKey(query);
    await sealPlaintextSecrets(query);
    return seededNow;
  });
  const noAccounts = (await database.dataSource.getRepository(UserEntity).count()) === 0;

  let closing = false;
  const app = await createApp(config, database.dataSource, logger, { draining: () => closing });
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  /** Stop accepting, let requests in flight finish (up to DRAIN_LIMIT_MS), then close the pool and exit 0. */
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'Shutting down: finishing requests in flight');
    const server = app.getHttpServer() as Server;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const tooLong = new Promise<'too long'>((resolve) => (timer = setTimeout(() => resolve('too long'), DRAIN_LIMIT_MS)));
    if ((await Promise.race([drained, tooLong])) === 'too long') {
      logger.warn('Requests still running after 10 seconds were cut off');
      server.closeAllConnections();
    }
    clearTimeout(timer);
    await app.close();
    await database.close();
    process.exit(0);
  }

  await app.listen(config.PORT, config.HOST);
  const lines = [
    '',
    `Attune is running at ${config.PUBLIC_URL}  (data: ${database.description}${seeded ? ', demo data loaded' : ''})`,
    `GraphQL: ${config.PUBLIC_URL}/graphql`,
  ];
  if (noAccounts) {
    const embedded = config.DATABASE_URL ? '' : ' (stop Attune first: the embedded database serves one process at a time)';
    lines.push(`No accounts yet. Create the first admin with: pnpm admin:create --email you@example.com --name "Your Name"${embedded}`);
  }
  if (config.isProduction && !config.SMTP_URL) {
    lines.push('Email is off: SMTP_URL is not set, so invitations and password-reset links are neither sent nor kept.');
  }
  if (seeded || (!config.isProduction && !noAccounts && config.SEED_DEMO_DATA !== 'never')) {
    lines.push(
      `Demo accounts (password "${DEMO_PASSWORD}"; admin and therapists use the TOTP secret ${DEMO_TOTP_SECRET}):`,
      '  admin@attune.test, therapist@attune.test, therapist2@attune.test, client@attune.test, client2@attune.test, client3@attune.test',
      '',
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  // A newcomer gets one clear line, not a stack trace (DEBUG=1 shows it).
  const known = error instanceof ConfigError || error instanceof EmbeddedDatabaseLockedError || error instanceof SecretKeyMismatchError;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(known ? `${message}\n` : `Attune could not start: ${message}\n`);
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
