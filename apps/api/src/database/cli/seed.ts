import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { installSecretBox, sealPlaintextSecrets } from '../../common/crypto/secret-box';
import { loadConfig } from '../../config/config';
import { openDatabase } from '../data-source';
import { whileHoldingStartupLock } from '../startup-lock';
import { seedDemoDataIfEmpty } from '../seed/demo-seed';
import { runCli } from './run-cli';

runCli(async () => {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, years: { type: 'string' } }, allowPositionals: false });
  // Refused before anything is written.
  if (values.years !== undefined && values.scale === undefined) throw new Error('--years goes with --scale, for example --scale 30 --years 20.');
  const config = loadConfig();
  installSecretBox(config);
  const database = await openDatabase(config);
  try {
    const seeded = await whileHoldingStartupLock(database.dataSource, async () => {
      await database.dataSource.runMigrations({ transaction: 'each' });
      return seedDemoDataIfEmpty(database.dataSource);
    });
    process.stdout.write(seeded ? `Loaded the demo data into ${database.description}.\n` : `The demo data is already there; nothing changed.\n`);
    if (values.scale !== undefined) {
      const { seedAtScale } = await import('../seed/scale-seed.js');
      await seedAtScale(database.dataSource, Number(values.scale), values.years === undefined ? undefined : Number(values.years));
    }
    // The bulk seed writes rows directly; seal their second-factor secrets as start-up would.
    await sealPlaintextSecrets((sql, parameters) => database.dataSource.query(sql, parameters));
  } finally {
    await database.close();
  }
});
