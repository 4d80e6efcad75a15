import { z } from 'zod';
import { idSchema, personText } from '../common/common.schema.js';

export const SESSION_MODALITIES = ['IN_PERSON', 'VIDEO', 'PHONE'] as const;
export const sessionModalitySchema = z.enum(SESSION_MODALITIES);
export type SessionModality = z.infer<typeof sessionModalitySchema>;

export const SESSION_STATUSES = ['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** A session longer than this is almost certainly a typo in the end time. */
export const MAX_SESSION_MINUTES = 240;

const isoDateTime = z.iso.datetime({ offset: true, message: 'Please give a date and time, like 2026-12-01T15:00:00Z.' });

/** A session ends after it starts and lasts at most MAX_SESSION_MINUTES. */
function checkSessionTimes(value: { startsAt: string; endsAt: string }, ctx: z.RefinementCtx) {
  const minutes = (Date.parse(value.endsAt) - Date.parse(value.startsAt)) / 60_000;
  if (!(minutes > 0)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The session needs to end after it starts.' });
  else if (minutes > MAX_SESSION_MINUTES)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `A session can be at most ${MAX_SESSION_MINUTES} minutes.` });
}

export const joinDetailsSchema = personText('Where to go or how to join', 1, 500);
export const scheduleSessionSchema = z
  .object({
    clientId: idSchema,
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    modality: sessionModalitySchema,
    joinDetails: joinDetailsSchema.nullable().optional(),
  })
  .superRefine(checkSessionTimes);
export type ScheduleSession = z.infer<typeof scheduleSessionSchema>;

export const rescheduleSessionSchema = z.object({ id: idSchema, startsAt: isoDateTime, endsAt: isoDateTime }).superRefine(checkSessionTimes);
export type RescheduleSession = z.infer<typeof rescheduleSessionSchema>;

export const sessionAgendaSchema = personText('What you would like to talk about', 1, 2_000);
export const practicePromptBodySchema = personText('The practice prompt', 1, 1_000);
export const practicePromptSchema = z.object({ clientId: idSchema, body: practicePromptBodySchema });

export const cancelReasonSchema = personText('Reason', 1, 500);
export const cancelSessionSchema = z.object({ id: idSchema, reason: cancelReasonSchema });

export const MOOD_MIN = 1;
export const MOOD_MAX = 5;
export const writeReflectionSchema = z.object({
  body: personText('Your reflection', 1, 10_000),
  mood: z.number().int().min(MOOD_MIN).max(MOOD_MAX).nullable().optional(),
  share: z.boolean().default(false),
});
export type WriteReflection = z.infer<typeof writeReflectionSchema>;

export const reflectionResponseSchema = personText('Your response', 1, 5_000);
export const respondToReflectionSchema = z.object({ id: idSchema, body: reflectionResponseSchema });

export const sessionNoteSchema = personText('Note', 1, 20_000);

export const checkInCommentSchema = personText('Comment', 1, 2_000);

/** The alliance check-in: four scores, 0–10, keys fixed by Attune's own wording (VOICE.md). */
export const CHECK_IN_KEYS = ['bond', 'goals', 'approach', 'overall'] as const;
export type CheckInKey = (typeof CHECK_IN_KEYS)[number];
export const checkInScoreSchema = z.number().int({ message: 'Scores are whole numbers from 0 to 10.' }).min(0).max(10);
const score = checkInScoreSchema;
export const submitCheckInSchema = z.object({
  sessionId: idSchema,
  bond: score,
  goals: score,
  approach: score,
  overall: score,
  comment: checkInCommentSchema.nullable().optional(),
});
export type SubmitCheckIn = z.infer<typeof submitCheckInSchema>;

export const CHECK_IN_QUESTIONS: Record<CheckInKey, { question: string; low: string; high: string }> = {
  bond: { question: 'How safe and listened to did you feel today?', low: 'not at all', high: 'completely' },
  goals: { question: 'Did we spend our time on what matters to you?', low: 'not at all', high: 'entirely' },
  approach: { question: 'Did the way we worked today suit you?', low: 'not at all', high: 'very well' },
  overall: { question: "Taking everything together, how was today's session for you?", low: 'not right for me', high: 'just right' },
};

/** How a therapist reads each score's area, in words rather than keys. */
export const CHECK_IN_AREAS: Record<CheckInKey, string> = {
  bond: 'feeling safe and heard',
  goals: 'time on what matters',
  approach: 'the way of working',
  overall: 'the session overall',
};

/** A check-in is low when any score is 5 or below. */
export const LOW_SCORE_THRESHOLD = 5;
/** A fall of this much in "overall" against the client's recent average raises a flag. */
export const ALLIANCE_DROP_THRESHOLD = 2;

export interface CheckInScores {
  bond: number;
  goals: number;
  approach: number;
  overall: number;
}

/** Why a check-in deserves the therapist's attention, in words; empty when it does not. */
export function allianceConcerns(latest: CheckInScores, earlierOveralls: number[]): string[] {
  const reasons: string[] = [];
  const low = CHECK_IN_KEYS.filter((key) => latest[key] <= LOW_SCORE_THRESHOLD);
  if (low.length > 0) reasons.push(`${LOW_SCORE_THRESHOLD} or below for ${low.map((key) => CHECK_IN_AREAS[key]).join(', ')}`);
  if (earlierOveralls.length > 0) {
    const average = earlierOveralls.reduce((sum, value) => sum + value, 0) / earlierOveralls.length;
    if (average - latest.overall >= ALLIANCE_DROP_THRESHOLD)
      reasons.push(`"Overall" fell to ${latest.overall} from a recent average of ${average.toFixed(1)}`);
  }
  return reasons;
}
