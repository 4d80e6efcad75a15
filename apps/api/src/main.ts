import 'reflect-metadata';
import { createApp } from './app';
import { checkSecretKey, installSecretBox, sealPlaintextSecrets, SecretKeyMismatchError } from './common/crypto/secret-box';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig, startupWarnings } from './config/config';
import { openDatabase } from './database/data-source';
import { EmbeddedDatabaseLockedError } from './database/embedded-database';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemoDataIfEmpty } from './database/seed/demo-seed';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  installSecretBox(config);
  for (const warning of startupWarnings(config)) logger.warn(warning);
  const database = await openDatabase(config);
  await database.dataSource.runMigrations({ transaction: 'each' });
  const seeded = config.SEED_DEMO_DATA === 'auto' ? await seedDemoDataIfEmpty(database.dataSource) : false;
  const query = (sql: string, parameters?: unknown[]) => database.dataSource.query(sql, parameters);
  await checkSecretKey(query);
  await sealPlaintextSecrets(query);

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
  if (!config.isProduction) {
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
