import { randomUUID } from 'node:crypto';
import { allianceConcerns, type CheckInScores, type SessionModality } from '@attune/domain';
import type { EntityManager } from 'typeorm';
import { CareRelationshipEntity } from '../../modules/care/care-relationship.entity';
import { CheckInEntity } from '../../modules/checkins/check-in.entity';
import { PracticePromptEntity, ReflectionEntity, ReflectionResponseEntity } from '../../modules/reflections/reflection.entity';
import { SessionNoteEntity } from '../../modules/sessions/session-note.entity';
import { TherapySessionEntity } from '../../modules/sessions/therapy-session.entity';
import type { UserEntity } from '../../modules/users/user.entity';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SESSION_MINUTES = 50;
const VIDEO = { modality: 'VIDEO', joinDetails: 'Video link is sent by email an hour before.' } as const;
const ROOM_ONE = { modality: 'IN_PERSON', joinDetails: 'Room 1, ground floor' } as const;

/** What happened at one past session, and what the client said about it afterwards. */
type Beat =
  | { kind: 'met'; checkIn: CheckInStory | null; note?: string }
  | { kind: 'cancelled'; reason: string; byClient: boolean }
  | { kind: 'missed' };

interface CheckInStory extends CheckInScores {
  comment?: string;
  /** Not acknowledged yet: the therapist has still to read it, so its flag stays up. */
  waiting?: boolean;
}

interface ReflectionStory {
  daysAgo: number;
  body: string;
  mood: number | null;
  /** Private when left out. */
  shared?: 'read' | 'unread';
  response?: { daysAgo: number; body: string };
}

/** One client's care so far, told as data: when it began, the rhythm of sessions, the check-ins, what they wrote. */
interface ClientStory {
  email: string;
  therapist: 'therapist@attune.test' | 'therapist2@attune.test';
  inCareForDays: number;
  /** Each client keeps their own hour (UTC) and weekday, so no therapist is ever booked twice at once. */
  hourUtc: number;
  place: { modality: SessionModality; joinDetails: string };
  /** Oldest first. */
  past: { daysAgo: number; beat: Beat }[];
  upcoming: { inDays: number; agenda?: string }[];
  reflections?: ReflectionStory[];
  prompt?: { daysAgo: number; body: string };
}

const met = (bond: number, goals: number, approach: number, overall: number, more: Omit<CheckInStory, keyof CheckInScores> & { note?: string } = {}): Beat => {
  const { note, ...rest } = more;
  return { kind: 'met', checkIn: { bond, goals, approach, overall, ...rest }, note };
};
/** The session took place; the client did not check in about it (check-ins are optional). */
const metWithoutCheckIn = (note?: string): Beat => ({ kind: 'met', checkIn: null, note });
const cancelled = (reason: string, byClient = true): Beat => ({ kind: 'cancelled', reason, byClient });
const missed: Beat = { kind: 'missed' };

/** Sessions `every` days apart, the newest `newestDaysAgo` days ago, one per beat (oldest first). */
function every(days: number, newestDaysAgo: number, beats: Beat[]) {
  return beats.map((beat, index) => ({ daysAgo: newestDaysAgo + (beats.length - 1 - index) * days, beat }));
}

/**
 * The demo practice, written for this project. Dr. Priya Raman's caseload began months ago and shows each
 * thing the caseload is for: Jordan's drop in the alliance that was flagged, acknowledged and repaired;
 * Riley's fresh drop waiting to be read; steady and improving relationships; a comment waiting; and the
 * quieter signs (missed sessions, a long gap, nothing booked, someone who stopped sharing). Every flag
 * comes from these rows through the same rules the caseload applies to real ones.
 */
const STORIES: ClientStory[] = [
  {
    email: 'client@attune.test', // Jordan Lee: a drop after a session that moved too fast, then a repair.
    therapist: 'therapist@attune.test',
    inCareForDays: 152,
    hourUtc: 9,
    place: VIDEO,
    past: every(7, 5, [
      met(6, 6, 7, 6),
      met(6, 7, 6, 6),
      met(7, 7, 7, 7),
      metWithoutCheckIn(),
      met(7, 7, 8, 7),
      met(7, 8, 7, 7),
      met(8, 8, 8, 8),
      met(7, 8, 8, 7),
      met(8, 8, 8, 8),
      met(8, 8, 9, 8),
      cancelled('Away for a family wedding.'),
      met(8, 8, 8, 8),
      met(8, 9, 8, 8),
      met(8, 8, 8, 8),
      met(5, 7, 4, 5, {
        comment: 'I felt pushed to talk about my mum before I was ready.',
        note: 'Moved to family too quickly; Jordan went quiet for the rest of the hour. Ask about pace at the start of next session.',
      }),
      met(7, 7, 7, 7, {
        comment: 'It helped that we talked about last week first.',
        note: 'Went back to last week. Jordan said it felt like being hurried at home. Agreed Jordan sets the pace on family, and can say "not yet".',
      }),
      met(8, 8, 8, 8),
      met(8, 8, 9, 8),
      met(9, 8, 9, 9),
      met(8, 8, 8, 8),
      // The most recent session has no check-in yet, so the demo client can write one.
      metWithoutCheckIn('Talked through the week. Agreed to notice moments of saying yes when meaning no.'),
    ]),
    upcoming: [{ inDays: 2, agenda: 'I would like to talk about the conversation with my sister.' }, { inDays: 9 }],
    prompt: { daysAgo: 5, body: 'This week, notice when you say yes but mean no. You don’t need to change it yet, just notice.' },
    reflections: [
      { daysAgo: 118, mood: 2, body: 'First time writing one of these. I’m not sure what goes here. Tired, mostly, and a bit relieved that I’ve started.' },
      {
        daysAgo: 99,
        mood: 3,
        shared: 'read',
        body: 'You asked when I last did something just because I wanted to. I couldn’t think of an answer, and that surprised me more than I expected.',
        response: { daysAgo: 97, body: 'Thank you for writing this down. Not having an answer yet is all right. It might be something we stay curious about together.' },
      },
      {
        daysAgo: 46,
        mood: 2,
        shared: 'read',
        body: 'The last session was hard. I didn’t want to talk about my mum yet, and I didn’t know how to say so. It’s easier to write it here.',
        response: { daysAgo: 45, body: 'I’m glad you told me, and I’m sorry I moved too quickly. We’ll go at your pace. Next time I’d like to start by asking how our sessions feel for you.' },
      },
      { daysAgo: 30, mood: 4, body: 'Said “not yet” out loud today, about something small. It felt strange, and fine.' },
      {
        daysAgo: 4,
        mood: 3,
        shared: 'read',
        body: 'I noticed I agreed to cover a shift even though I was exhausted. I felt my shoulders tighten as I said it.',
        response: { daysAgo: 3, body: 'Thank you for noticing that so clearly. Let’s look at that moment together next time.' },
      },
      { daysAgo: 2, mood: 2, body: 'Something I’m not ready to share yet. Writing it down helped a little.' },
      { daysAgo: 1, mood: 4, shared: 'unread', body: 'A quieter day. Walked by the river after work.' },
    ],
  },
  {
    email: 'client2@attune.test', // Riley Chen: a low check-in with a comment, waiting to be read.
    therapist: 'therapist@attune.test',
    inCareForDays: 72,
    hourUtc: 10,
    place: VIDEO,
    past: every(14, 8, [met(7, 7, 7, 7), met(7, 8, 7, 7), met(8, 8, 8, 8), met(8, 8, 7, 8), met(5, 6, 4, 5, { comment: 'I felt rushed at the end.', waiting: true })]),
    upcoming: [{ inDays: 6 }, { inDays: 20 }],
    reflections: [
      {
        daysAgo: 40,
        mood: 3,
        shared: 'read',
        body: 'Work has been a lot. I noticed I hold my breath in meetings, and only let it go in the car afterwards.',
        response: { daysAgo: 38, body: 'Noticing that is a real start. If you’d like, we can try the slower breathing together next time, before you need it.' },
      },
      { daysAgo: 10, mood: 2, body: 'Didn’t sleep well. Wrote a list of everything on my mind, and it looked smaller on paper.' },
    ],
  },
  {
    email: 'client4@attune.test', // Avery Brooks: a long, steady relationship.
    therapist: 'therapist@attune.test',
    inCareForDays: 210,
    hourUtc: 11,
    place: ROOM_ONE,
    past: every(14, 3, [
      met(8, 8, 8, 8),
      met(8, 8, 9, 8),
      met(9, 8, 8, 9),
      met(9, 9, 8, 9),
      met(8, 9, 9, 9),
      metWithoutCheckIn(),
      met(9, 8, 9, 9),
      met(8, 8, 9, 8),
      met(9, 9, 9, 9),
      met(9, 9, 8, 9),
      met(9, 9, 9, 9),
      met(8, 9, 8, 8),
      met(9, 9, 9, 9),
      met(9, 8, 9, 9),
      met(9, 9, 9, 9),
    ]),
    upcoming: [{ inDays: 11 }],
    reflections: [
      {
        daysAgo: 100,
        mood: 4,
        shared: 'read',
        body: 'Caught myself apologising for taking up space in a meeting. Didn’t do it the second time.',
        response: { daysAgo: 98, body: 'That second time matters. I’d love to hear what was different.' },
      },
      { daysAgo: 70, mood: 2, shared: 'read', body: 'A heavy week. I’m glad our session is soon.' },
      { daysAgo: 40, mood: 4, shared: 'read', body: 'Took the long way home and didn’t look at my phone once.' },
      { daysAgo: 2, mood: 4, shared: 'unread', body: 'Back in the garden this weekend. Hands in the soil, head quiet for an hour.' },
    ],
  },
  {
    email: 'client5@attune.test', // Kai Nakamura: a slow start, improving, and a comment waiting.
    therapist: 'therapist@attune.test',
    inCareForDays: 95,
    hourUtc: 12,
    place: VIDEO,
    past: every(7, 2, [
      met(5, 5, 5, 4, { comment: 'I’m not sure this is for me yet.' }),
      met(6, 6, 5, 5),
      met(6, 6, 6, 6),
      metWithoutCheckIn(),
      met(6, 7, 6, 6),
      met(7, 6, 7, 6),
      met(7, 7, 7, 7),
      met(7, 7, 6, 6),
      met(7, 7, 7, 7),
      met(7, 8, 7, 7),
      metWithoutCheckIn(),
      met(7, 7, 7, 7),
      met(8, 8, 8, 8, { comment: 'Writing things down before sessions is helping.', waiting: true }),
    ]),
    upcoming: [{ inDays: 5 }],
    prompt: { daysAgo: 9, body: 'Before each session, jot down one thing you’d like to bring, even if it seems small.' },
    reflections: [
      { daysAgo: 60, mood: 2, body: 'Hard to get going this morning. Made tea, sat by the window for a while, then started.' },
      { daysAgo: 8, mood: 3, body: 'Wrote down three things for our next session. I might only bring one. That’s fine.' },
    ],
  },
  {
    email: 'client6@attune.test', // Elena Petrova: steady, with nothing booked yet.
    therapist: 'therapist@attune.test',
    inCareForDays: 120,
    hourUtc: 13,
    place: VIDEO,
    past: every(7, 12, [
      met(7, 7, 8, 7),
      met(8, 7, 8, 8),
      met(8, 8, 8, 8),
      met(8, 8, 8, 8),
      met(8, 9, 8, 8),
      metWithoutCheckIn(),
      met(8, 8, 8, 8),
      met(9, 8, 8, 9),
      met(8, 8, 8, 8),
      met(8, 9, 9, 8),
      met(9, 8, 9, 9),
      cancelled('I am away at a training course that week. I will offer you another time.', false),
      met(8, 8, 8, 8),
      met(9, 9, 8, 9),
      met(8, 8, 9, 8),
      met(9, 9, 9, 9),
    ]),
    upcoming: [],
    reflections: [
      {
        daysAgo: 25,
        mood: 4,
        shared: 'read',
        body: 'Kept to the small morning routine all week. It’s the first time in a long while that something has stuck.',
        response: { daysAgo: 24, body: 'A whole week. I’d like to hear what helped it stick.' },
      },
    ],
  },
  {
    email: 'client7@attune.test', // Marcus Bell: drifting away; the last two sessions missed.
    therapist: 'therapist@attune.test',
    inCareForDays: 80,
    hourUtc: 14,
    place: VIDEO,
    past: [...every(14, 30, [met(7, 7, 7, 7), met(7, 6, 7, 7), met(7, 7, 6, 6), met(6, 7, 6, 6)]), { daysAgo: 16, beat: cancelled('Unwell.') }, { daysAgo: 9, beat: missed }],
    upcoming: [],
    reflections: [{ daysAgo: 8, mood: 2, body: 'Missed another session. I want to go back. I just haven’t found the words for the email yet.' }],
  },
  {
    email: 'client8@attune.test', // Sofia Alvarez: used to share often, and has gone quiet.
    therapist: 'therapist@attune.test',
    inCareForDays: 130,
    hourUtc: 15,
    place: VIDEO,
    past: every(7, 6, [
      met(7, 8, 7, 7),
      met(8, 8, 7, 8),
      met(8, 8, 8, 8),
      met(8, 8, 8, 8),
      met(8, 9, 8, 8),
      met(8, 8, 8, 8),
      metWithoutCheckIn(),
      met(9, 8, 8, 8),
      met(8, 8, 8, 8),
      met(8, 8, 9, 8),
      met(8, 8, 8, 8),
      met(9, 9, 8, 9),
      met(8, 8, 8, 8),
      metWithoutCheckIn(),
      met(8, 8, 8, 8),
      met(8, 8, 8, 8),
      met(8, 9, 8, 8),
      metWithoutCheckIn(),
    ]),
    upcoming: [{ inDays: 1 }],
    reflections: [
      {
        daysAgo: 82,
        mood: 3,
        shared: 'read',
        body: 'Long day. I made soup and rang my sister back.',
        response: { daysAgo: 80, body: 'That sounds like a kind evening to give yourself.' },
      },
      { daysAgo: 68, mood: 3, shared: 'read', body: 'I notice I relax when I’m walking, and tense up the moment I sit down at my desk.' },
      {
        daysAgo: 54,
        mood: 4,
        shared: 'read',
        body: 'Tried the five-minute pause before opening my inbox. Managed it twice.',
        response: { daysAgo: 52, body: 'Twice is a real start. Let’s talk about what made those two mornings possible.' },
      },
      { daysAgo: 41, mood: 2, shared: 'read', body: 'Not much to say this week. Just tired.' },
    ],
  },
  {
    email: 'client9@attune.test', // Tomás Silva: steady, every other week.
    therapist: 'therapist@attune.test',
    inCareForDays: 100,
    hourUtc: 16,
    place: VIDEO,
    past: every(14, 10, [met(7, 7, 7, 7), met(7, 8, 7, 7), met(8, 7, 8, 8), met(8, 8, 8, 8), met(8, 8, 7, 8), met(8, 8, 8, 8), met(8, 8, 8, 8)]),
    upcoming: [{ inDays: 4 }, { inDays: 18 }],
  },
  {
    email: 'client10@attune.test', // Hana Kim: new to the practice; the first session is ahead.
    therapist: 'therapist@attune.test',
    inCareForDays: 9,
    hourUtc: 9,
    place: VIDEO,
    past: [],
    upcoming: [{ inDays: 3 }],
  },
  {
    email: 'client11@attune.test', // Owen Walsh: a long break for work travel; back next week.
    therapist: 'therapist@attune.test',
    inCareForDays: 110,
    hourUtc: 10,
    place: { modality: 'PHONE', joinDetails: 'Dr. Priya Raman will call you on the number you gave the practice.' },
    past: [
      ...every(7, 40, [met(6, 7, 6, 6), met(7, 7, 7, 7), met(7, 7, 7, 7), met(7, 8, 7, 7), met(8, 7, 8, 8), met(7, 8, 7, 7), met(8, 8, 8, 8)]),
      { daysAgo: 33, beat: cancelled('Travelling for work until the middle of next month.') },
    ],
    upcoming: [{ inDays: 5 }],
    reflections: [{ daysAgo: 36, mood: 3, shared: 'read', body: 'Packing for the trip. Nervous about the flights, but calmer than last time.' }],
  },
  {
    email: 'client12@attune.test', // Leila Farah: improving, with two new reflections to read.
    therapist: 'therapist@attune.test',
    inCareForDays: 90,
    hourUtc: 11,
    place: VIDEO,
    past: every(7, 6, [
      met(6, 5, 6, 5),
      met(6, 6, 6, 6),
      metWithoutCheckIn(),
      met(6, 6, 7, 6),
      met(7, 6, 7, 6),
      met(7, 7, 7, 7),
      met(7, 7, 7, 7),
      met(7, 7, 8, 7),
      metWithoutCheckIn(),
      met(7, 8, 7, 7),
      met(7, 7, 7, 7),
      met(8, 8, 8, 8),
    ]),
    upcoming: [{ inDays: 1 }],
    reflections: [
      {
        daysAgo: 50,
        mood: 4,
        shared: 'read',
        body: 'Started the evening walk again. Twenty minutes, no headphones.',
        response: { daysAgo: 48, body: 'It’s good to hear you’ve gone back to it.' },
      },
      { daysAgo: 5, mood: 4, shared: 'unread', body: 'I told my flatmate I needed a quiet evening, and she was completely fine about it. I’d built it up so much.' },
      { daysAgo: 2, mood: 3, shared: 'unread', body: 'Slept badly, but the morning was better than I feared.' },
    ],
  },
  {
    email: 'client13@attune.test', // Ben Carter: steady, every other week, in person.
    therapist: 'therapist@attune.test',
    inCareForDays: 160,
    hourUtc: 12,
    place: ROOM_ONE,
    past: every(14, 11, [
      met(7, 7, 7, 7),
      met(7, 8, 7, 7),
      met(8, 7, 8, 8),
      met(8, 8, 8, 8),
      met(7, 8, 8, 7),
      met(8, 8, 8, 8),
      met(8, 8, 8, 8),
      metWithoutCheckIn(),
      met(8, 8, 8, 8),
      met(8, 8, 9, 8),
      met(8, 8, 8, 8),
    ]),
    upcoming: [{ inDays: 3 }],
  },
  {
    email: 'client14@attune.test', // Maya Singh: two months in, settling well.
    therapist: 'therapist@attune.test',
    inCareForDays: 60,
    hourUtc: 13,
    place: VIDEO,
    past: every(7, 1, [met(6, 7, 7, 7), met(7, 7, 7, 7), met(7, 8, 7, 7), met(8, 7, 7, 7), met(8, 8, 8, 8), met(7, 8, 8, 8), met(8, 8, 8, 8), metWithoutCheckIn()]),
    upcoming: [{ inDays: 6 }],
  },
  {
    email: 'client15@attune.test', // Iris Novak: consistently high, then a quieter fall in "overall".
    therapist: 'therapist@attune.test',
    inCareForDays: 140,
    hourUtc: 14,
    place: VIDEO,
    past: every(7, 3, [
      met(8, 8, 8, 8),
      met(8, 8, 9, 8),
      met(9, 8, 8, 8),
      met(9, 9, 8, 9),
      met(8, 9, 9, 9),
      metWithoutCheckIn(),
      met(9, 9, 9, 9),
      met(9, 8, 9, 9),
      met(9, 9, 9, 9),
      cancelled('A medical appointment I couldn’t move.'),
      met(9, 9, 9, 9),
      met(9, 9, 8, 9),
      met(9, 9, 9, 9),
      met(9, 9, 9, 9),
      metWithoutCheckIn(),
      met(9, 9, 9, 9),
      met(9, 8, 9, 9),
      met(9, 9, 9, 9),
      met(9, 9, 9, 9),
      met(8, 7, 7, 6, { waiting: true }),
    ]),
    upcoming: [{ inDays: 4 }],
  },
  {
    email: 'client3@attune.test', // Morgan Diaz, with Sam Okafor.
    therapist: 'therapist2@attune.test',
    inCareForDays: 65,
    hourUtc: 11,
    place: VIDEO,
    past: every(14, 7, [met(7, 7, 7, 7), met(7, 8, 8, 7), met(8, 8, 8, 8), met(8, 8, 7, 8), metWithoutCheckIn()]),
    upcoming: [{ inDays: 7 }],
    reflections: [
      {
        daysAgo: 20,
        mood: 3,
        shared: 'read',
        body: 'Said what I actually thought in the team meeting. My voice shook a bit, but I said it.',
        response: { daysAgo: 19, body: 'Your voice can shake and you can still say it. That’s worth noticing.' },
      },
    ],
  },
];

/** The demo care relationships and everything in them, relative to now, in one insert per table. */
export async function seedDemoClinical(manager: EntityManager, users: Map<string, UserEntity>) {
  const now = Date.now();
  /** `days` days from now (negative: ago) at `hour`:00 UTC. */
  const dayAt = (days: number, hour: number) => {
    const at = new Date(now + days * DAY);
    at.setUTCHours(hour, 0, 0, 0);
    return at;
  };
  // Nothing seeded in the past may come after now (a session late in the day, acknowledged "the next day").
  const notAfterNow = (at: Date) => new Date(Math.min(at.getTime(), now - 60_000));
  const person = (email: string) => {
    const user = users.get(email);
    if (!user) throw new Error(`The demo story names ${email}, who is not a demo user.`);
    return user;
  };

  const relationships: Partial<CareRelationshipEntity>[] = [];
  const sessions: Partial<TherapySessionEntity>[] = [];
  const checkIns: Partial<CheckInEntity>[] = [];
  const notes: Partial<SessionNoteEntity>[] = [];
  const reflections: Partial<ReflectionEntity>[] = [];
  const responses: Partial<ReflectionResponseEntity>[] = [];
  const prompts: Partial<PracticePromptEntity>[] = [];

  for (const story of STORIES) {
    const client = person(story.email);
    const therapist = person(story.therapist);
    relationships.push({ clientId: client.id, therapistId: therapist.id, startedAt: dayAt(-story.inCareForDays, 8) });
    const session = (days: number, status: TherapySessionEntity['status'], extra: Partial<TherapySessionEntity> = {}) => {
      const startsAt = dayAt(days, story.hourUtc);
      const row = { id: randomUUID(), clientId: client.id, therapistId: therapist.id, ...story.place, status, startsAt, endsAt: new Date(startsAt.getTime() + SESSION_MINUTES * 60_000), ...extra };
      sessions.push(row);
      return row;
    };

    // Check-ins in the order the client gave them, each judged against the ones before as submitCheckIn does.
    const overalls: number[] = [];
    for (const { daysAgo, beat } of story.past) {
      if (beat.kind === 'cancelled') {
        session(-daysAgo, 'CANCELLED', { cancelReason: beat.reason, cancelledBy: beat.byClient ? client.id : therapist.id });
        continue;
      }
      if (beat.kind === 'missed') {
        session(-daysAgo, 'NO_SHOW');
        continue;
      }
      const held = session(-daysAgo, 'COMPLETED');
      if (beat.note) notes.push({ sessionId: held.id, authorId: therapist.id, body: beat.note, signedAt: new Date(held.endsAt.getTime() + HOUR) });
      if (!beat.checkIn) continue;
      const { comment, waiting, ...scores } = beat.checkIn;
      const concernReasons = allianceConcerns(scores, overalls.slice(-3).reverse());
      const createdAt = notAfterNow(new Date(held.endsAt.getTime() + 2 * HOUR));
      // The repair loop: what needed attention was read the next day, unless the story says it is still waiting.
      const acknowledged = (concernReasons.length > 0 || comment) && !waiting;
      checkIns.push({
        sessionId: held.id,
        clientId: client.id,
        therapistId: therapist.id,
        ...scores,
        comment: comment ?? null,
        concernReasons,
        acknowledgedAt: acknowledged ? notAfterNow(new Date(createdAt.getTime() + 18 * HOUR)) : null,
        createdAt,
      });
      overalls.push(scores.overall);
    }
    for (const { inDays, agenda } of story.upcoming) session(inDays, 'SCHEDULED', { agenda: agenda ?? null });

    for (const reflection of story.reflections ?? []) {
      const createdAt = dayAt(-reflection.daysAgo, 20);
      const id = randomUUID();
      const respondedAt = reflection.response ? dayAt(-reflection.response.daysAgo, 18) : null;
      reflections.push({
        id,
        clientId: client.id,
        body: reflection.body,
        mood: reflection.mood,
        sharedWithId: reflection.shared ? therapist.id : null,
        sharedAt: reflection.shared ? createdAt : null,
        // Responding reads it, as respondToReflection does; otherwise the therapist opened it the next morning.
        readByTherapistAt: reflection.shared === 'read' ? (respondedAt ?? notAfterNow(dayAt(-reflection.daysAgo + 1, 9))) : null,
        createdAt,
        updatedAt: createdAt,
      });
      if (reflection.response) responses.push({ reflectionId: id, therapistId: therapist.id, body: reflection.response.body, createdAt: respondedAt! });
    }
    if (story.prompt) prompts.push({ clientId: client.id, therapistId: therapist.id, body: story.prompt.body, createdAt: dayAt(-story.prompt.daysAgo, story.hourUtc + 1) });
  }

  await manager.insert(CareRelationshipEntity, relationships);
  await manager.insert(TherapySessionEntity, sessions);
  await manager.insert(CheckInEntity, checkIns);
  await manager.insert(SessionNoteEntity, notes);
  await manager.insert(ReflectionEntity, reflections);
  await manager.insert(ReflectionResponseEntity, responses);
  await manager.insert(PracticePromptEntity, prompts);
}
