import { randomUUID } from 'node:crypto';
import { SingleBar, Presets } from 'cli-progress';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../modules/identity/password';
import { DEMO_PASSWORD } from './demo-seed';

const CLIENTS_PER_THERAPIST = { min: 15, max: 35 };

/** A small deterministic generator, so a scale run is reproducible. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Generates `therapists` therapists with realistic caseloads. Each therapist is one transaction of
 * multi-row inserts, so 1,000 therapists load in minutes and a failure never leaves half a caseload.
 */
export async function seedAtScale(dataSource: DataSource, therapists: number) {
  if (!Number.isInteger(therapists) || therapists < 1 || therapists > 100_000) {
    throw new Error('--scale needs a whole number of therapists between 1 and 100000, for example --scale 1000.');
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const next = random(therapists);
  const bar = new SingleBar({ format: 'Generating {bar} {value}/{total} therapists | {clients} clients | {eta_formatted} left', hideCursor: true }, Presets.shades_classic);
  const run = randomUUID().slice(0, 6);
  let clients = 0;
  bar.start(therapists, 0, { clients });
  for (let t = 0; t < therapists; t++) {
    await dataSource.transaction(async (manager) => {
      const count = CLIENTS_PER_THERAPIST.min + Math.floor(next() * (CLIENTS_PER_THERAPIST.max - CLIENTS_PER_THERAPIST.min));
      clients += await seedCaseload(manager, { run, index: t, clientCount: count, passwordHash, next });
    });
    bar.update(t + 1, { clients });
  }
  bar.stop();
  process.stdout.write(`Generated ${therapists} therapists and ${clients} clients.\n`);
}

interface CaseloadSeed {
  run: string;
  index: number;
  clientCount: number;
  passwordHash: string;
  next: () => number;
}

async function seedCaseload(manager: EntityManager, seed: CaseloadSeed): Promise<number> {
  const therapistId = randomUUID();
  const users: unknown[][] = [[therapistId, `therapist-${seed.run}-${seed.index}@scale.attune.test`, `Therapist ${seed.index}`, 'THERAPIST', seed.passwordHash]];
  for (let c = 0; c < seed.clientCount; c++) {
    users.push([randomUUID(), `client-${seed.run}-${seed.index}-${c}@scale.attune.test`, `Client ${seed.index}.${c}`, 'CLIENT', seed.passwordHash]);
  }
  await insertRows(manager, 'users', ['id', 'email', 'display_name', 'role', 'password_hash'], users);
  return seed.clientCount;
}

/** One multi-row INSERT per table and chunk: far fewer round trips than an INSERT per row. */
export async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][], chunk = 1_000) {
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const params: unknown[] = [];
    const tuples = slice.map((row) => `(${row.map((value) => (params.push(value), `$${params.length}`)).join(', ')})`);
    await manager.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}
