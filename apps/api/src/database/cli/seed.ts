import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config';
import { openDatabase } from '../data-source';
import { seedDemoDataIfEmpty } from '../seed/demo-seed';
import { runCli } from './run-cli';

runCli(async () => {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, years: { type: 'string' } }, allowPositionals: false });
  const database = await openDatabase(loadConfig());
  try {
    await database.dataSource.runMigrations({ transaction: 'each' });
    const seeded = await seedDemoDataIfEmpty(database.dataSource);
    process.stdout.write(seeded ? `Loaded the demo data into ${database.description}.\n` : `The demo data is already there; nothing changed.\n`);
    if (values.years !== undefined && values.scale === undefined) throw new Error('--years goes with --scale, for example --scale 30 --years 20.');
    if (values.scale !== undefined) {
      const { seedAtScale } = await import('../seed/scale-seed.js');
      await seedAtScale(database.dataSource, Number(values.scale), values.years === undefined ? undefined : Number(values.years));
    }
  } finally {
    await database.close();
  }
});
