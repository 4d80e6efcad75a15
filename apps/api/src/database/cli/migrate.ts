import 'reflect-metadata';
import { loadConfig } from '../../config/config';
import { openDatabase } from '../data-source';
import { whileHoldingStartupLock } from '../startup-lock';
import { runCli } from './run-cli';

runCli(async () => {
  const database = await openDatabase(loadConfig());
  try {
    const applied = await whileHoldingStartupLock(database.dataSource, () => database.dataSource.runMigrations({ transaction: 'each' }));
    process.stdout.write(
      applied.length === 0 ? `Nothing to migrate: ${database.description} is up to date.\n` : `Applied ${applied.map((m) => m.name).join(', ')} to ${database.description}.\n`,
    );
  } finally {
    await database.close();
  }
});
