import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config';
import { readBackup, restoreBackup } from '../backup/backup';
import { openDatabase } from '../data-source';
import { runCli } from './run-cli';

runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error('Name the backup file to restore, for example: pnpm restore ./attune-2026-12-01.backup');
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  // A damaged file is refused before a database is opened or created.
  const backup = await readBackup(file);
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const { tables, rows } = await restoreBackup(database.dataSource, backup, database.description);
    process.stdout.write(`Restored ${rows} rows in ${tables} tables from ${file} into ${database.description}.\n`);
  } finally {
    await database.close();
  }
});
