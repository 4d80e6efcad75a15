import 'reflect-metadata';
import { installSecretBox } from '../../common/crypto/secret-box';
import { loadConfig } from '../../config/config';
import { purgeExpiredRecords } from '../../modules/my-data/retention-purge';
import { openDatabase } from '../data-source';
import { runCli } from './run-cli';

/** `pnpm retention:purge`: removes the records of accounts closed more than RETENTION_YEARS ago. Safe to run daily. */
runCli(async () => {
  const config = loadConfig();
  installSecretBox(config);
  const database = await openDatabase(config);
  try {
    await database.dataSource.runMigrations({ transaction: 'each' });
    const { purged } = await purgeExpiredRecords(database.dataSource, { retentionYears: config.RETENTION_YEARS });
    process.stdout.write(
      purged === 0
        ? `No closed account is past the ${config.RETENTION_YEARS}-year retention period in ${database.description}; nothing changed.\n`
        : `Purged the records of ${purged} account${purged === 1 ? '' : 's'} closed more than ${config.RETENTION_YEARS} years ago, in ${database.description}.\n`,
    );
  } finally {
    await database.close();
  }
});
