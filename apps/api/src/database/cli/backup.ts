import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config';
import { writeBackup } from '../backup/backup';
import { openDatabase } from '../data-source';
import { runCli } from './run-cli';

runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error('Name the file to write, for example: pnpm backup ./attune-2026-12-01.backup');
  // pnpm runs the script in apps/api; a relative path means where the command was typed.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const { tables, rows } = await writeBackup(database.dataSource, file);
    process.stdout.write(`Backed up ${rows} rows in ${tables} tables from ${database.description} to ${file}. It holds clinical records: keep it encrypted.\n`);
  } finally {
    await database.close();
  }
});
