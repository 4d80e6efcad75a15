import { MEASURE_KINDS, MEASURES, measureTrendFlags, type MeasureKind } from '../measures/measures.js';
import type { SessionStatus } from './clinical.schema.js';

export const FLAG_KINDS = ['ALLIANCE', 'COMMENT_WAITING', 'MISSED_SESSIONS', 'NO_UPCOMING_SESSION', 'LONG_GAP', 'GONE_QUIET', 'SYMPTOMS_WORSENING', 'NOT_IMPROVING'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface CaseloadFlag {
  kind: FlagKind;
  /** The reason in words, for the therapist. */
  reason: string;
  /** The check-in to acknowledge, for flags the repair loop closes. */
  checkInId: string | null;
  /** The measure a flag from outcome measures is about; null for the others. */
  measure: MeasureKind | null;
}

/** One measure total as the trend rules read it. */
export interface MeasureTotal {
  total: number;
  completedAt: Date;
}

/** A gap longer than this since the last session met is worth a look. */
export const LONG_GAP_DAYS = 21;
/** "Gone quiet": shared at least this often in the 30–90 days before, and not at all in the last 30. */
export const QUIET_EARLIER_MIN = 3;

export interface RelationshipFacts {
  now: Date;
  hasUpcomingSession: boolean;
  lastMetAt: Date | null;
  /** The two most recent sessions whose time has come, newest first. */
  lastTwoPastStatuses: SessionStatus[];
  /** The newest check-ins, newest first. */
  recentCheckIns: { id: string; concernReasons: string[]; comment: string | null; acknowledgedAt: Date | null }[];
  sharedReflectionsLast30Days: number;
  sharedReflectionsDays30To90: number;
  startedAt: Date;
  /**
   * Each measure's totals in this care relationship, oldest first. `measureTrendFlags` reads only the first
   * and the latest, so a caller may pass just those two (the caseload does; a spec holds it to that).
   */
  measureTotals: Partial<Record<MeasureKind, MeasureTotal[]>>;
}

const DAY = 86_400_000;

/** Flags that read the whole relationship, each with its reason in words. */
export function caseloadFlags(facts: RelationshipFacts): CaseloadFlag[] {
  const flags: CaseloadFlag[] = [];
  const latest = facts.recentCheckIns[0];
  if (latest && latest.concernReasons.length > 0 && !latest.acknowledgedAt) {
    flags.push({ kind: 'ALLIANCE', reason: `The latest check-in needs attention: ${latest.concernReasons.join('; ')}.`, checkInId: latest.id, measure: null });
  }
  const waiting = facts.recentCheckIns.find((checkIn) => checkIn.comment && !checkIn.acknowledgedAt);
  if (waiting) flags.push({ kind: 'COMMENT_WAITING', reason: 'A check-in comment is waiting for you.', checkInId: waiting.id, measure: null });
  if (facts.lastTwoPastStatuses.length === 2 && facts.lastTwoPastStatuses.every((status) => status === 'CANCELLED' || status === 'NO_SHOW')) {
    flags.push({ kind: 'MISSED_SESSIONS', reason: 'The last two sessions were cancelled or missed.', checkInId: null, measure: null });
  }
  if (!facts.hasUpcomingSession) flags.push({ kind: 'NO_UPCOMING_SESSION', reason: 'No upcoming session is scheduled.', checkInId: null, measure: null });
  const since = facts.lastMetAt ?? facts.startedAt;
  const gapDays = Math.floor((facts.now.getTime() - since.getTime()) / DAY);
  if (gapDays > LONG_GAP_DAYS) {
    flags.push({ kind: 'LONG_GAP', reason: facts.lastMetAt ? `It has been ${gapDays} days since you last met.` : `You have not met yet in ${gapDays} days of care.`, checkInId: null, measure: null });
  }
  if (facts.sharedReflectionsDays30To90 >= QUIET_EARLIER_MIN && facts.sharedReflectionsLast30Days === 0) {
    flags.push({ kind: 'GONE_QUIET', reason: 'They used to share reflections and have not shared any in the last 30 days.', checkInId: null, measure: null });
  }
  for (const kind of MEASURE_KINDS) flags.push(...measureFlags(kind, facts.measureTotals[kind] ?? []));
  return flags;
}

/**
 * The outcome-measure flags of one measure, in plain words: "Symptoms worsening on PHQ-9", "Not improving
 * after 12 weeks". No totals: the caseload's scope reads flags, not scores (those are the measures' own).
 */
function measureFlags(kind: MeasureKind, totals: MeasureTotal[]): CaseloadFlag[] {
  const first = totals[0];
  const latest = totals[totals.length - 1];
  if (!first || !latest) return [];
  const { name } = MEASURES[kind];
  return measureTrendFlags(kind, totals).map((flag) => {
    if (flag === 'SYMPTOMS_WORSENING') return { kind: flag, reason: `Symptoms worsening on ${name} since the first one in your care.`, checkInId: null, measure: kind };
    const weeks = Math.floor((latest.completedAt.getTime() - first.completedAt.getTime()) / (7 * DAY));
    return { kind: flag, reason: `Not improving after ${weeks} weeks on ${name}.`, checkInId: null, measure: kind };
  });
}

/** The direction of "overall" across recent check-ins: the newest against the average of the ones before. */
export function allianceDirection(overallsNewestFirst: number[]): 'UP' | 'DOWN' | 'STEADY' | null {
  if (overallsNewestFirst.length < 2) return null;
  const [latest, ...earlier] = overallsNewestFirst.slice(0, 4);
  const average = earlier.reduce((sum, value) => sum + value, 0) / earlier.length;
  if (latest! - average >= 1) return 'UP';
  if (average - latest! >= 1) return 'DOWN';
  return 'STEADY';
}
