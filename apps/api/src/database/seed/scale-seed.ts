import { randomUUID } from 'node:crypto';
import { Presets, SingleBar } from 'cli-progress';
import type { DataSource, EntityManager } from 'typeorm';
import { allianceConcerns, MEASURE_KINDS, MEASURES, nameSortKey, PHQ9_SAFETY_ITEM, scoreMeasure } from '@attune/domain';
import { hashPassword } from '../../modules/identity/password';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-seed';

const CLIENTS_PER_THERAPIST = { min: 15, max: 35 };
const DAY = 86_400_000;
/** Clients started at different times over this many years of history, by default. */
export const DEFAULT_HISTORY_YEARS = 2;

/** A small deterministic generator, so a scale run is reproducible. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Generates `therapists` therapists with realistic caseloads: clients who started at different times
 * over `years` years (two by default; 20 gives the same caseloads ten times the history), weekly or fortnightly sessions (some cancelled or missed), check-ins after most
 * sessions, reflections, some shared, and for half the clients a PHQ-9 and a GAD-7 every two weeks. Each therapist is one transaction of multi-row inserts, so
 * 1,000 therapists load in minutes and a failure never leaves half a caseload.
 */
export async function seedAtScale(dataSource: DataSource, therapists: number, years = DEFAULT_HISTORY_YEARS) {
  if (!Number.isInteger(therapists) || therapists < 1 || therapists > 100_000) {
    throw new Error('--scale needs a whole number of therapists between 1 and 100000, for example --scale 1000.');
  }
  if (!Number.isInteger(years) || years < 1 || years > 50) {
    throw new Error('--years needs a whole number of years of history between 1 and 50, for example --years 20.');
  }
  const historyDays = years * 365;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const next = random(therapists);
  const run = randomUUID().slice(0, 6);
  const totals = { clients: 0, sessions: 0, checkIns: 0, reflections: 0, measureResponses: 0 };
  const bar = new SingleBar(
    // Without a terminal (CI, a log file) the bar is printed every ten seconds instead of redrawn.
    { format: 'Generating {bar} {value}/{total} therapists | {clients} clients, {sessions} sessions | {eta_formatted} left', hideCursor: true, noTTYOutput: true, notTTYSchedule: 10_000 },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(therapists, 0, totals);
  for (let t = 0; t < therapists; t++) {
    await dataSource.transaction((manager) => seedCaseload(manager, { run, index: t, passwordHash, next, totals, historyDays }));
    bar.update(t + 1, totals);
  }
  bar.stop();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Generated ${therapists} therapists with up to ${years} years of history, ${totals.clients} clients, ${totals.sessions} sessions, ${totals.checkIns} check-ins, ${totals.reflections} reflections and ${totals.measureResponses} measure responses in ${seconds} s.\n` +
      `They sign in as therapist-${run}-<n>@scale.attune.test with the demo password and TOTP secret.\n`,
  );
}

interface CaseloadSeed {
  run: string;
  index: number;
  passwordHash: string;
  historyDays: number;
  next: () => number;
  totals: { clients: number; sessions: number; checkIns: number; reflections: number; measureResponses: number };
}

async function seedCaseload(manager: EntityManager, seed: CaseloadSeed) {
  const { next } = seed;
  const now = Date.now();
  const therapistId = randomUUID();
  const users: unknown[][] = [[therapistId, `therapist-${seed.run}-${seed.index}@scale.attune.test`, `Therapist ${seed.index}`, nameSortKey(`Therapist ${seed.index}`), 'THERAPIST', seed.passwordHash, true, DEMO_TOTP_SECRET]];
  const care: unknown[][] = [];
  const sessions: unknown[][] = [];
  const checkIns: unknown[][] = [];
  const reflections: unknown[][] = [];
  const schedules: unknown[][] = [];
  const measureResponses: unknown[][] = [];
  const clientCount = CLIENTS_PER_THERAPIST.min + Math.floor(next() * (CLIENTS_PER_THERAPIST.max - CLIENTS_PER_THERAPIST.min + 1));

  for (let c = 0; c < clientCount; c++) {
    const clientId = randomUUID();
    users.push([clientId, `client-${seed.run}-${seed.index}-${c}@scale.attune.test`, `Client ${seed.index}.${c}`, nameSortKey(`Client ${seed.index}.${c}`), 'CLIENT', seed.passwordHash, false, null]);
    const startedDaysAgo = 14 + Math.floor(next() * (seed.historyDays - 14));
    care.push([therapistId, clientId, new Date(now - startedDaysAgo * DAY)]);
    const every = next() < 0.6 ? 7 : 14;
    const hour = 8 + Math.floor(next() * 10);
    const overalls: number[] = [];
    const baseline = 6 + Math.floor(next() * 4);
    // Half the clients fill in a PHQ-9 and a GAD-7 every two weeks, the day before a session, easing over time.
    const measured = next() < 0.5;
    if (measured) for (const kind of MEASURE_KINDS) schedules.push([clientId, kind, 'EVERY_2_WEEKS', therapistId, new Date(now - startedDaysAgo * DAY)]);
    let lastMeasuredDay = -Infinity;
    // Sessions from the start of care until a few weeks ahead.
    for (let day = -startedDaysAgo + 1; day <= 28; day += every) {
      const start = new Date(now + day * DAY);
      start.setUTCHours(hour, 0, 0, 0);
      const past = start.getTime() < now;
      const roll = next();
      const status = !past ? 'SCHEDULED' : roll < 0.06 ? 'CANCELLED' : roll < 0.09 ? 'NO_SHOW' : 'COMPLETED';
      const sessionId = randomUUID();
      sessions.push([sessionId, clientId, therapistId, start, new Date(start.getTime() + 50 * 60_000), next() < 0.5 ? 'VIDEO' : 'IN_PERSON', status, 1]);
      if (status === 'COMPLETED' && next() < 0.75) {
        const drift = () => Math.max(0, Math.min(10, baseline + Math.round((next() - 0.5) * 4)));
        const scores = { bond: drift(), goals: drift(), approach: drift(), overall: drift() };
        const acknowledged = next() < 0.9;
        checkIns.push([randomUUID(), sessionId, clientId, therapistId, scores.bond, scores.goals, scores.approach, scores.overall, allianceConcerns(scores, overalls.slice(-3).reverse()), acknowledged ? new Date(start.getTime() + 2 * DAY) : null, new Date(start.getTime() + 3_600_000)]);
        overalls.push(scores.overall);
      }
      if (measured && past && day - lastMeasuredDay >= 14) {
        lastMeasuredDay = day;
        const level = 1.8 * (1 - (day + startedDaysAgo) / (startedDaysAgo + 28)) + 0.4;
        for (const kind of MEASURE_KINDS) {
          // No answer to PHQ-9's ninth question above 0: a safety concern needs a flag and a person, which this seed does not make.
          const answers = Array.from({ length: MEASURES[kind].items.length }, (_, item) =>
            kind === 'PHQ9' && item === PHQ9_SAFETY_ITEM - 1 ? 0 : Math.max(0, Math.min(3, Math.round(level + (next() - 0.5) * 1.5))),
          );
          const score = scoreMeasure(kind, answers);
          measureResponses.push([clientId, therapistId, kind, answers, score.total, score.band.code, false, new Date(start.getTime() - DAY)]);
        }
      }
      if (past && next() < 0.4) {
        const shared = next() < 0.5;
        const at = new Date(start.getTime() + 2 * DAY);
        if (at.getTime() < now) {
          reflections.push([randomUUID(), clientId, 'A few lines written between sessions.', 1 + Math.floor(next() * 5), shared ? therapistId : null, shared ? at : null, shared && next() < 0.8 ? at : null, at]);
        }
      }
    }
  }
  await insertRows(manager, 'users', ['id', 'email', 'display_name', 'name_sort_key', 'role', 'password_hash', 'mfa_enabled', 'mfa_secret'], users);
  await insertRows(manager, 'care_relationships', ['therapist_id', 'client_id', 'started_at'], care);
  await insertRows(manager, 'therapy_sessions', ['id', 'client_id', 'therapist_id', 'starts_at', 'ends_at', 'modality', 'status', 'version'], sessions);
  await insertRows(manager, 'check_ins', ['id', 'session_id', 'client_id', 'therapist_id', 'bond', 'goals', 'approach', 'overall', 'concern_reasons', 'acknowledged_at', 'created_at'], checkIns);
  await insertRows(manager, 'reflections', ['id', 'client_id', 'body', 'mood', 'shared_with_id', 'shared_at', 'read_by_therapist_at', 'created_at'], reflections);
  await insertRows(manager, 'measure_schedules', ['client_id', 'kind', 'schedule', 'set_by_id', 'set_at'], schedules);
  await insertRows(manager, 'measure_responses', ['client_id', 'therapist_id', 'kind', 'answers', 'total', 'band', 'safety_concern', 'completed_at'], measureResponses);
  seed.totals.clients += clientCount;
  seed.totals.sessions += sessions.length;
  seed.totals.checkIns += checkIns.length;
  seed.totals.reflections += reflections.length;
  seed.totals.measureResponses += measureResponses.length;
}

/** Multi-row INSERTs, chunked under PostgreSQL's 65,535-parameter limit: far fewer round trips than a row at a time. */
export async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][]) {
  const chunk = Math.max(1, Math.floor(60_000 / columns.length));
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const params: unknown[] = [];
    const tuples = slice.map((row) => `(${row.map((value) => (params.push(value), `$${params.length}`)).join(', ')})`);
    await manager.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, params);
  }
}
