import { z } from 'zod';

/** The version of the export document: a reader can tell which shape it holds. */
export const MY_DATA_EXPORT_FORMAT = 'attune-export/1';

const isoTime = z.string();
const when = isoTime.nullable();
/** A person as the export names them: "you", a therapist's name, or null. */
const who = z.string().nullable();

/**
 * Everything a client has in Attune (`exportMyData`), written by the API and read by the portal's
 * printable page. Times are ISO 8601 in UTC.
 */
export const myDataExportSchema = z.object({
  format: z.literal(MY_DATA_EXPORT_FORMAT),
  exportedAt: isoTime,
  /** Says in words that the therapist's private notes are held by the practice, and how to ask for them. */
  privateNotes: z.string(),
  profile: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    timeZone: z.string().nullable(),
    twoStepSignIn: z.boolean(),
    joinedAt: isoTime,
    closedAt: when,
  }),
  therapists: z.array(z.object({ therapist: who, since: isoTime, until: when })),
  sessions: z.array(
    z.object({
      id: z.string(),
      therapist: who,
      startsAt: isoTime,
      endsAt: isoTime,
      modality: z.string(),
      status: z.string(),
      joinDetails: z.string().nullable(),
      agenda: z.string().nullable(),
      cancelledBy: who,
      cancelReason: z.string().nullable(),
    }),
  ),
  reflections: z.array(
    z.object({
      id: z.string(),
      writtenAt: isoTime,
      updatedAt: isoTime,
      mood: z.number().nullable(),
      body: z.string(),
      sharedWith: who,
      sharedAt: when,
      practicePromptId: z.string().nullable(),
      responses: z.array(z.object({ from: who, writtenAt: isoTime, body: z.string() })),
    }),
  ),
  reflectionDraft: z.object({ savedAt: isoTime, mood: z.number().nullable(), body: z.string() }).nullable(),
  checkIns: z.array(
    z.object({
      sessionId: z.string(),
      submittedAt: isoTime,
      bond: z.number(),
      goals: z.number(),
      approach: z.number(),
      overall: z.number(),
      comment: z.string().nullable(),
      readByTherapistAt: when,
    }),
  ),
  measures: z.array(z.object({ kind: z.string(), completedAt: isoTime, answers: z.array(z.number()), total: z.number(), band: z.string() })),
  practicePrompts: z.array(z.object({ id: z.string(), from: who, setAt: isoTime, archivedAt: when, body: z.string() })),
  articlesSentToYou: z.array(
    z.object({ sentAt: isoTime, from: who, note: z.string().nullable(), title: z.string().nullable(), slug: z.string().nullable(), summary: z.string().nullable() }),
  ),
});
export type MyDataExport = z.infer<typeof myDataExportSchema>;
