import 'reflect-metadata';
import { createApp } from './app';
import { checkSecretKey, installSecretBox, sealPlaintextSecrets, SecretKeyMismatchError } from './common/crypto/secret-box';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig, startupWarnings } from './config/config';
import { openDatabase } from './database/data-source';
import { EmbeddedDatabaseLockedError } from './database/embedded-database';
import { whileHoldingStartupLock } from './database/startup-lock';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoDataWanted, seedDemoDataIfEmpty } from './database/seed/demo-seed';
import { UserEntity } from './modules/users/user.entity';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
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

  const app = await createApp(config, database.dataSource, logger);
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'Shutting down: finishing requests in flight');
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
