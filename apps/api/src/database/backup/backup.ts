import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { DataSource, type EntityManager } from 'typeorm';
import { MIGRATIONS } from '../migrations';

/**
 * A logical backup made through the database driver, the same for PostgreSQL and the embedded database:
 * gzip'd lines of JSON. A header (format, the migrations the data was written under, each table's row
 * count), one line per row (PostgreSQL's own row_to_json, read back by json_populate_recordset), and a
 * trailer with the SHA-256 of everything before it. pg_dump is not used: its major version must match the
 * server's, and the embedded database has none.
 */
const FORMAT = 'attune-backup';
const VERSION = 1;
/** TypeORM's own bookkeeping; restore recreates it by running the migrations. */
const MIGRATIONS_TABLE = 'migrations';
const BATCH = 500;

interface Header {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

export class BackupRefusedError extends Error {}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface TableInfo {
  name: string;
  primaryKey: string[];
}

/** The application's tables, parents before children (foreign keys), each with its primary key. */
async function tablesInOrder(manager: EntityManager): Promise<TableInfo[]> {
  const tables: { name: string }[] = await manager.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name`,
    [MIGRATIONS_TABLE],
  );
  const keys: { table: string; column: string }[] = await manager.query(
    `SELECT c.relname AS "table", a.attname AS "column"
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = 'public' ORDER BY c.relname, k.position`,
  );
  const references: { child: string; parent: string }[] = await manager.query(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint f
       JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class p ON p.oid = f.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE f.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`The tables ${path.join(', ')} refer to each other in a circle; this backup format cannot order them.`);
    for (const { parent } of references.filter((reference) => reference.child === name)) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const { name } of tables) visit(name, []);
  return ordered.map((name) => ({ name, primaryKey: keys.filter((key) => key.table === name).map((key) => key.column) }));
}

/** Writes a consistent snapshot of the whole database to `file` (mode 0600, never over an existing file). */
export async function writeBackup(dataSource: DataSource, file: string): Promise<{ tables: number; rows: number }> {
  if (fs.existsSync(file)) throw new BackupRefusedError(`Refusing to back up: ${file} already exists. Choose a new file name, so no earlier backup is overwritten.`);
  const partial = `${file}.partial`;
  // The file holds clinical records: readable by its owner only, from the first byte.
  const out = fs.createWriteStream(partial, { flags: 'w', mode: 0o600 });
  const gzip = zlib.createGzip();
  gzip.pipe(out);
  const hash = createHash('sha256');
  const write = async (line: string) => {
    hash.update(line);
    if (!gzip.write(line)) await new Promise((resolve) => gzip.once('drain', resolve));
  };
  try {
    const totals = await dataSource.transaction('REPEATABLE READ', async (manager) => {
      // One snapshot for every table, so rows that refer to each other are from the same moment.
      const tables = await tablesInOrder(manager);
      const migrations: { name: string }[] = await manager.query(`SELECT name FROM ${quote(MIGRATIONS_TABLE)} ORDER BY id`);
      const counts: { name: string; rows: number }[] = [];
      for (const table of tables) {
        const [{ n }] = (await manager.query(`SELECT count(*)::int AS n FROM ${quote(table.name)}`)) as [{ n: number }];
        counts.push({ name: table.name, rows: Number(n) });
      }
      const header: Header = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), migrations: migrations.map((m) => m.name), tables: counts };
      await write(`${JSON.stringify(header)}\n`);
      for (const table of tables) {
        const order = table.primaryKey.length > 0 ? table.primaryKey.map((column) => `t.${quote(column)}`).join(', ') : 't::text';
        await manager.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quote(table.name)} t ORDER BY ${order}`);
        for (;;) {
          const rows: { row: string }[] = await manager.query(`FETCH ${BATCH} FROM backup_rows`);
          for (const { row } of rows) await write(`{"table":${JSON.stringify(table.name)},"row":${row}}\n`);
          if (rows.length < BATCH) break;
        }
        await manager.query('CLOSE backup_rows');
      }
      return { tables: counts.length, rows: counts.reduce((sum, table) => sum + table.rows, 0) };
    });
    const trailer = JSON.stringify({ end: { sha256: hash.digest('hex') } });
    gzip.end(`${trailer}\n`);
    await finished(out);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
    return totals;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

export interface ReadBackup {
  header: Header;
  rows: Map<string, unknown[]>;
}

/** Reads and checks the whole file before anything is written: a damaged or cut-off backup is refused. */
export async function readBackup(file: string): Promise<ReadBackup> {
  if (!fs.existsSync(file)) throw new BackupRefusedError(`Refusing to restore: ${file} does not exist.`);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const hash = createHash('sha256');
  let header: Header | null = null;
  let trailer: { sha256: string } | null = null;
  const rows = new Map<string, unknown[]>();
  try {
    for await (const line of lines) {
      if (trailer) throw new Error('data after the end');
      const value = JSON.parse(line) as Header & { table?: string; row?: unknown; end?: { sha256: string } };
      if (!header) {
        if (value.format !== FORMAT || value.version !== VERSION) throw new Error('not an Attune backup of a version this build reads');
        header = value;
        for (const table of header.tables) rows.set(table.name, []);
      } else if (value.end) {
        trailer = value.end;
        continue;
      } else {
        const list = rows.get(value.table ?? '');
        if (!list) throw new Error('a row of a table the header does not name');
        list.push(value.row);
      }
      hash.update(`${line}\n`);
    }
  } catch (error) {
    throw new BackupRefusedError(`Refusing to restore: ${file} is not a complete Attune backup (${(error as Error).message.split('\n')[0]}). Nothing was changed.`);
  }
  if (!header || !trailer) throw new BackupRefusedError(`Refusing to restore: ${file} is cut off (no end marker). Nothing was changed.`);
  if (trailer.sha256 !== hash.digest('hex')) throw new BackupRefusedError(`Refusing to restore: ${file} is damaged (its checksum does not match). Nothing was changed.`);
  for (const table of header.tables) {
    if (rows.get(table.name)!.length !== table.rows) throw new BackupRefusedError(`Refusing to restore: ${file} is damaged (table ${table.name} is short). Nothing was changed.`);
  }
  return { header, rows };
}

/**
 * Restores a backup into an empty database: brings the schema to the migrations the backup was made
 * under, loads every row in one transaction, then applies any newer migrations. Refuses, changing
 * nothing, when the database holds any rows or is ahead of the backup.
 */
export async function restoreBackup(dataSource: DataSource, { header, rows }: ReadBackup, description: string): Promise<{ tables: number; rows: number }> {
  const known = MIGRATIONS.map((migration) => migration.name);
  const unknown = header.migrations.find((name, index) => known[index] !== name);
  if (unknown) throw new BackupRefusedError(`Refusing to restore: the backup was made by another version of Attune (migration ${unknown} is not this build's). Nothing was changed.`);

  const existing: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1`,
    [MIGRATIONS_TABLE],
  );
  for (const { name } of existing) {
    const [{ found }] = (await dataSource.query(`SELECT EXISTS (SELECT 1 FROM ${quote(name)}) AS found`)) as [{ found: boolean }];
    if (found) throw new BackupRefusedError(`Refusing to restore: ${description} is not empty (table ${name} has rows). Restore goes into an empty database only; nothing was changed.`);
  }
  const applied: { name: string }[] = existing.length > 0 ? await dataSource.query(`SELECT name FROM ${quote(MIGRATIONS_TABLE)} ORDER BY id`) : [];
  if (applied.length > header.migrations.length) {
    throw new BackupRefusedError(`Refusing to restore: ${description} has a newer schema than the backup. Restore into a database that has not been migrated; nothing was changed.`);
  }

  // The schema the rows were written under; newer migrations then carry the data forward as in an upgrade.
  const atBackup = new DataSource({ ...dataSource.options, migrations: MIGRATIONS.slice(0, header.migrations.length) } as typeof dataSource.options);
  await atBackup.initialize();
  try {
    await atBackup.runMigrations({ transaction: 'each' });
  } finally {
    await atBackup.destroy();
  }

  await dataSource.transaction(async (manager) => {
    const order = (await tablesInOrder(manager)).map((table) => table.name);
    for (const name of order) {
      const tableRows = rows.get(name);
      if (tableRows === undefined) throw new BackupRefusedError(`Refusing to restore: the backup has no table ${name}.`);
      const columns: { name: string }[] = await manager.query(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [name],
      );
      const list = columns.map((column) => quote(column.name)).join(', ');
      for (let start = 0; start < tableRows.length; start += BATCH) {
        await manager.query(
          `INSERT INTO ${quote(name)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${quote(name)}, $1::json)`,
          [JSON.stringify(tableRows.slice(start, start + BATCH))],
        );
      }
      // Identity and serial columns continue after the highest restored value.
      const sequences: { column: string; sequence: string }[] = await manager.query(
        `SELECT column_name AS column, pg_get_serial_sequence(quote_ident($1), column_name) AS sequence FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 AND pg_get_serial_sequence(quote_ident($1), column_name) IS NOT NULL`,
        [name],
      );
      for (const { column, sequence } of sequences) {
        await manager.query(`SELECT setval($1, GREATEST((SELECT max(${quote(column)}) FROM ${quote(name)}), 1), (SELECT count(*) > 0 FROM ${quote(name)}))`, [sequence]);
      }
    }
    const extra = [...rows.keys()].filter((name) => !order.includes(name));
    if (extra.length > 0) throw new BackupRefusedError(`Refusing to restore: the backup has tables this schema lacks (${extra.join(', ')}).`);
  });
  await dataSource.runMigrations({ transaction: 'each' });
  return { tables: header.tables.length, rows: header.tables.reduce((sum, table) => sum + table.rows, 0) };
}
