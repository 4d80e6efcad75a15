import { z } from 'zod';
import { idSchema } from '../common/common.schema.js';

/**
 * The PHQ-9 and GAD-7, free to use (Spitzer, Williams, Kroenke and colleagues; no permission needed to
 * reproduce). Their item wording, answer options and scoring are the instruments' own and must not be
 * reworded: a changed item is a different, unvalidated questionnaire. LOINC codes for FHIR.
 */
export const MEASURE_KINDS = ['PHQ9', 'GAD7'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const measureKindSchema = z.enum(MEASURE_KINDS);

/** The four answers both instruments share, with their scores and LOINC answer codes. */
export const FREQUENCY_OPTIONS = [
  { score: 0, label: 'Not at all', loinc: 'LA6568-5' },
  { score: 1, label: 'Several days', loinc: 'LA6569-3' },
  { score: 2, label: 'More than half the days', loinc: 'LA6570-1' },
  { score: 3, label: 'Nearly every day', loinc: 'LA6571-9' },
] as const;

export interface MeasureItem {
  /** 1-based, as printed on the form. */
  number: number;
  text: string;
  loinc: string;
}

export interface SeverityBand {
  min: number;
  max: number;
  /** The instrument's own name for the band. */
  label: string;
  code: 'MINIMAL' | 'MILD' | 'MODERATE' | 'MODERATELY_SEVERE' | 'SEVERE';
}

export interface MeasureDefinition {
  kind: MeasureKind;
  name: string;
  title: string;
  stem: string;
  items: readonly MeasureItem[];
  maxScore: number;
  bands: readonly SeverityBand[];
  /** The rise or fall of the total that is larger than measurement error (reliable change). */
  reliableChange: number;
  loinc: { panel: string; total: string };
  copyright: string;
}

const PFIZER_NOTICE =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

export const PHQ9: MeasureDefinition = {
  kind: 'PHQ9',
  name: 'PHQ-9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [
    { number: 1, text: 'Little interest or pleasure in doing things', loinc: '44250-9' },
    { number: 2, text: 'Feeling down, depressed, or hopeless', loinc: '44255-8' },
    { number: 3, text: 'Trouble falling or staying asleep, or sleeping too much', loinc: '44259-0' },
    { number: 4, text: 'Feeling tired or having little energy', loinc: '44254-1' },
    { number: 5, text: 'Poor appetite or overeating', loinc: '44251-7' },
    { number: 6, text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down', loinc: '44258-2' },
    { number: 7, text: 'Trouble concentrating on things, such as reading the newspaper or watching television', loinc: '44252-5' },
    {
      number: 8,
      text: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      loinc: '44253-3',
    },
    { number: 9, text: 'Thoughts that you would be better off dead or of hurting yourself in some way', loinc: '44260-8' },
  ],
  maxScore: 27,
  bands: [
    { min: 0, max: 4, label: 'Minimal', code: 'MINIMAL' },
    { min: 5, max: 9, label: 'Mild', code: 'MILD' },
    { min: 10, max: 14, label: 'Moderate', code: 'MODERATE' },
    { min: 15, max: 19, label: 'Moderately severe', code: 'MODERATELY_SEVERE' },
    { min: 20, max: 27, label: 'Severe', code: 'SEVERE' },
  ],
  reliableChange: 6,
  loinc: { panel: '44249-1', total: '44261-6' },
  copyright: PFIZER_NOTICE,
};

export const GAD7: MeasureDefinition = {
  kind: 'GAD7',
  name: 'GAD-7',
  title: 'Generalized Anxiety Disorder 7-item (GAD-7)',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: [
    { number: 1, text: 'Feeling nervous, anxious, or on edge', loinc: '69725-0' },
    { number: 2, text: 'Not being able to stop or control worrying', loinc: '68509-9' },
    { number: 3, text: 'Worrying too much about different things', loinc: '69733-4' },
    { number: 4, text: 'Trouble relaxing', loinc: '69734-2' },
    { number: 5, text: "Being so restless that it's hard to sit still", loinc: '69735-9' },
    { number: 6, text: 'Becoming easily annoyed or irritable', loinc: '69689-8' },
    { number: 7, text: 'Feeling afraid as if something awful might happen', loinc: '69736-7' },
  ],
  maxScore: 21,
  bands: [
    { min: 0, max: 4, label: 'Minimal', code: 'MINIMAL' },
    { min: 5, max: 9, label: 'Mild', code: 'MILD' },
    { min: 10, max: 14, label: 'Moderate', code: 'MODERATE' },
    { min: 15, max: 21, label: 'Severe', code: 'SEVERE' },
  ],
  reliableChange: 4,
  loinc: { panel: '69737-5', total: '70274-6' },
  copyright: PFIZER_NOTICE,
};

export const MEASURES: Record<MeasureKind, MeasureDefinition> = { PHQ9, GAD7 };

/** PHQ-9 item 9 (thoughts of being better off dead or of self-harm): any answer above "Not at all" needs a person at once. */
export const PHQ9_SAFETY_ITEM = 9;

const answerScore = z.number().int().min(0, 'Choose one of the answers.').max(3, 'Choose one of the answers.');

/** A kept draft may be partial: any items, each one of the four answers. */
export const measureDraftAnswersSchema = z.array(answerScore.nullable()).max(9);

/** Answers to submit: every item answered, in order. The message says which item is missing. */
export function measureAnswersSchema(kind: MeasureKind) {
  const { items } = MEASURES[kind];
  return z.array(answerScore.nullable()).superRefine((answers, ctx) => {
    if (answers.length !== items.length) {
      ctx.addIssue({ code: 'custom', message: `The ${MEASURES[kind].name} has ${items.length} questions; ${answers.length} answers came.` });
      return;
    }
    answers.forEach((answer, index) => {
      if (answer === null) ctx.addIssue({ code: 'custom', path: [index], message: `Question ${index + 1} still needs an answer.` });
    });
  });
}

export const MEASURE_SCHEDULES = ['OFF', 'BEFORE_EVERY_SESSION', 'EVERY_2_WEEKS', 'EVERY_4_WEEKS'] as const;
export type MeasureSchedule = (typeof MEASURE_SCHEDULES)[number];
export const measureScheduleSchema = z.enum(MEASURE_SCHEDULES);

export interface MeasureScore {
  total: number;
  band: SeverityBand;
  /** PHQ-9 only: item 9 answered above 0. */
  safetyConcern: boolean;
}

/** The total, its band, and whether the answers need a person at once. Answers must be complete and valid. */
export function scoreMeasure(kind: MeasureKind, answers: readonly number[]): MeasureScore {
  const parsed = measureAnswersSchema(kind).parse([...answers]) as number[];
  const total = parsed.reduce((sum, answer) => sum + answer, 0);
  return { total, band: severityBand(kind, total), safetyConcern: kind === 'PHQ9' && parsed[PHQ9_SAFETY_ITEM - 1]! > 0 };
}

export function severityBand(kind: MeasureKind, total: number): SeverityBand {
  const band = MEASURES[kind].bands.find((candidate) => total >= candidate.min && total <= candidate.max);
  if (!band) throw new RangeError(`${total} is outside the ${MEASURES[kind].name}'s range 0–${MEASURES[kind].maxScore}.`);
  return band;
}

const DAY = 86_400_000;
/** "Not improving" is judged only once scores span this long. */
export const NOT_IMPROVING_AFTER_WEEKS = 12;

export type MeasureTrendFlag = 'SYMPTOMS_WORSENING' | 'NOT_IMPROVING';

/**
 * Flags from one measure's scores, oldest first. Worsening: the latest total has risen from the first by at
 * least the reliable-change amount. Not improving: the scores span at least 12 weeks and the latest has not
 * fallen from the first by the reliable-change amount. A client who started in the minimal band and stays
 * there has nothing to improve, so is not flagged as not improving.
 */
export function measureTrendFlags(kind: MeasureKind, scoresOldestFirst: readonly { total: number; completedAt: Date }[]): MeasureTrendFlag[] {
  if (scoresOldestFirst.length < 2) return [];
  const first = scoresOldestFirst[0]!;
  const latest = scoresOldestFirst[scoresOldestFirst.length - 1]!;
  const { reliableChange } = MEASURES[kind];
  const flags: MeasureTrendFlag[] = [];
  if (latest.total - first.total >= reliableChange) flags.push('SYMPTOMS_WORSENING');
  const spanWeeks = (latest.completedAt.getTime() - first.completedAt.getTime()) / (7 * DAY);
  const startedAboveMinimal = first.total >= MEASURES[kind].bands[1]!.min;
  if (spanWeeks >= NOT_IMPROVING_AFTER_WEEKS && startedAboveMinimal && first.total - latest.total < reliableChange && !flags.includes('SYMPTOMS_WORSENING')) {
    flags.push('NOT_IMPROVING');
  }
  return flags;
}

/** Before a session, the measure opens this long ahead so it can be filled in at a calm moment. */
export const BEFORE_SESSION_OPENS_HOURS = 72;

export interface MeasureDueFacts {
  schedule: MeasureSchedule;
  /** When the therapist set this schedule: nothing is due for the time before it. */
  scheduledAt: Date;
  lastCompletedAt: Date | null;
  nextSessionAt: Date | null;
  now: Date;
}

/** Whether the client has this measure to fill in now. */
export function isMeasureDue({ schedule, scheduledAt, lastCompletedAt, nextSessionAt, now }: MeasureDueFacts): boolean {
  switch (schedule) {
    case 'OFF':
      return false;
    case 'EVERY_2_WEEKS':
    case 'EVERY_4_WEEKS': {
      if (!lastCompletedAt) return true;
      const days = schedule === 'EVERY_2_WEEKS' ? 14 : 28;
      return now.getTime() - lastCompletedAt.getTime() >= days * DAY;
    }
    case 'BEFORE_EVERY_SESSION': {
      if (!nextSessionAt || nextSessionAt.getTime() <= now.getTime()) return false;
      const opensAt = nextSessionAt.getTime() - BEFORE_SESSION_OPENS_HOURS * 3_600_000;
      if (now.getTime() < opensAt) return false;
      // Done once for this session if completed after the window opened (or after the schedule was set, if later).
      const windowStart = Math.max(opensAt, scheduledAt.getTime());
      return !lastCompletedAt || lastCompletedAt.getTime() < windowStart;
    }
  }
}

export const setMeasureScheduleSchema = z.object({
  clientId: idSchema,
  kind: measureKindSchema,
  schedule: measureScheduleSchema,
});

/** What the therapist did about a safety flag, in their words: required, so the record says. */
export const safetyAcknowledgementSchema = z
  .string()
  .trim()
  .min(3, { message: 'Write a line about what you did, for the record.' })
  .max(4000, { message: 'Keep it under 4,000 characters.' });
