import { MeasureResponseEntity, MeasureScheduleEntity } from '../../src/modules/measures/measure.entity';
import { OutboxEmailEntity } from '../../src/modules/mail/outbox-email.entity';
import { REMINDER_SWEEP_QUEUE, SESSION_REMINDER_QUEUE } from '../../src/modules/reminders/job-queue';
import { RemindersService } from '../../src/modules/reminders/reminders.service';
import { SessionNoteEntity } from '../../src/modules/sessions/session-note.entity';
import { TherapySessionEntity } from '../../src/modules/sessions/therapy-session.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson, signedIn } from '../auth';
import { newCare, newReflection, newSession } from '../factories/clinical.factory';
import { gql, startTestApp, type TestApp } from '../harness';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SCHEDULE = 'mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id startsAt } }';
const MOVE = 'mutation($id: ID!, $s: String!, $e: String!) { rescheduleSession(id: $id, startsAt: $s, endsAt: $e) { id startsAt } }';
const CANCEL = 'mutation($id: ID!) { cancelSession(id: $id, reason: "Something came up") { status } }';

/** A fixed moment, so the words in the email can be checked exactly: 21:00 UTC is 10:00 the next morning in Auckland (summer time). */
const STARTS_AT = new Date('2027-01-15T21:00:00.000Z');
const at = (date: Date, minutes: number) => new Date(date.getTime() + minutes * MINUTE);

const PRIVATE_NOTE = 'Private note: discussed the panic attacks on the train';
const REFLECTION = 'My reflection: I felt hopeless on Sunday';
const AGENDA = 'Agenda: talk about my sister';

async function emailsTo(t: TestApp, address: string) {
  return t.dataSource.getRepository(OutboxEmailEntity).find({ where: { to: address }, order: { createdAt: 'ASC' } });
}

describe('reminders (job queue in the database)', () => {
  let t: TestApp;
  let reminders: RemindersService;
  beforeAll(async () => {
    t = await startTestApp({ PRACTICE_NAME: 'Quiet Harbour Therapy', MAIL_FROM: 'Attune <no-reply@quiet-harbour.test>', PRACTICE_TIME_ZONE: 'Europe/London' });
    reminders = t.app.get(RemindersService);
  });
  afterAll(() => t.close());

  /** A therapist and a client in their care; the client's preferences as given. */
  async function pair(client: Partial<UserEntity> = {}) {
    const therapist = await newPerson(t.dataSource, 'THERAPIST', { displayName: 'Dr Rowan Vale' });
    const person = await newPerson(t.dataSource, 'CLIENT', client);
    await newCare(t.dataSource, therapist, person);
    return { therapist, client: person, agent: await signedIn(t, therapist) };
  }

  async function schedule(agent: Awaited<ReturnType<typeof pair>>['agent'], clientId: string, startsAt = STARTS_AT) {
    const answer = await gql<{ scheduleSession: { id: string } }>(agent, SCHEDULE, { i: { clientId, startsAt: startsAt.toISOString(), endsAt: at(startsAt, 50).toISOString(), modality: 'VIDEO', joinDetails: 'Room 4, second floor' } });
    expect(answer.errors).toBeUndefined();
    return answer.data!.scheduleSession.id;
  }

  it('queues the job with the session, and sends one email at the time, from the practice, in the client’s time zone', async () => {
    const { agent, client } = await pair({ timeZone: 'Pacific/Auckland' });
    const sessionId = await schedule(agent, client.id);
    const job = await reminders.waitingSessionReminder(sessionId);
    // 24 hours ahead by default.
    expect(new Date(job!.startAfter).toISOString()).toBe(at(STARTS_AT, -1440).toISOString());
    expect(job!.data).toEqual({ sessionId, startsAt: STARTS_AT.toISOString() });

    expect(await reminders.deliverSessionReminder(job!.data, at(STARTS_AT, -1440))).toBe('sent');
    const [email, ...more] = await emailsTo(t, client.email);
    expect(more).toHaveLength(0);
    expect(email!.from).toBe('Quiet Harbour Therapy <no-reply@quiet-harbour.test>');
    expect(email!.subject).toBe('A reminder of your session with Dr Rowan Vale');
    expect(email!.text).toContain('Your session with Dr Rowan Vale is on Saturday 16 January 2027 at 10:00 am (New Zealand Daylight Time, Pacific/Auckland).');

    // Run again (a retry, or another process): nothing more goes out.
    expect(await reminders.deliverSessionReminder(job!.data, at(STARTS_AT, -1439))).toBe('already-sent');
    expect(await emailsTo(t, client.email)).toHaveLength(1);
  });

  it('uses the practice’s time zone for someone who has not chosen one', async () => {
    const { agent, client } = await pair({ timeZone: null });
    const sessionId = await schedule(agent, client.id);
    const job = await reminders.waitingSessionReminder(sessionId);
    expect(await reminders.deliverSessionReminder(job!.data, at(STARTS_AT, -1440))).toBe('sent');
    const [email] = await emailsTo(t, client.email);
    expect(email!.text).toContain('is on Friday 15 January 2027 at 9:00 pm (Greenwich Mean Time, Europe/London).');
  });

  it('sends one email when two workers run the same reminder at the same moment', async () => {
    const { agent, client } = await pair();
    const sessionId = await schedule(agent, client.id);
    const job = await reminders.waitingSessionReminder(sessionId);
    const outcomes = await Promise.all([reminders.deliverSessionReminder(job!.data, at(STARTS_AT, -1440)), reminders.deliverSessionReminder(job!.data, at(STARTS_AT, -1440))]);
    expect(outcomes.sort()).toEqual(['already-sent', 'sent']);
    expect(await emailsTo(t, client.email)).toHaveLength(1);
  });

  it('moves the reminder when the session moves: the old job goes, and an old one run anyway sends nothing', async () => {
    const { agent, client } = await pair({ sessionReminderMinutes: 120 });
    const sessionId = await schedule(agent, client.id);
    const before = await reminders.waitingSessionReminder(sessionId);
    const movedTo = at(STARTS_AT, 3 * 60);
    const moved = await gql(agent, MOVE, { id: sessionId, s: movedTo.toISOString(), e: at(movedTo, 50).toISOString() });
    expect(moved.errors).toBeUndefined();

    const after = await reminders.waitingSessionReminder(sessionId);
    expect(after!.id).not.toBe(before!.id);
    expect(new Date(after!.startAfter).toISOString()).toBe(at(movedTo, -120).toISOString());
    const [{ state }] = await t.dataSource.query(`SELECT state FROM pgboss.job WHERE name = $1 AND id = $2`, [SESSION_REMINDER_QUEUE, before!.id]);
    expect(state).toBe('cancelled');

    // A copy of the old job that ran anyway (it was already in a worker's hands) checks the session's time first.
    expect(await reminders.deliverSessionReminder(before!.data, at(STARTS_AT, -120))).toBe('stale');
    expect(await emailsTo(t, client.email)).toHaveLength(0);
    expect(await reminders.deliverSessionReminder(after!.data, at(movedTo, -120))).toBe('sent');
    const [email] = await emailsTo(t, client.email);
    expect(email!.text).toContain('Saturday 16 January 2027 at 12:00 am (Greenwich Mean Time, Europe/London)');
  });

  it('cancels the reminder when the session is cancelled', async () => {
    const { agent, client } = await pair();
    const sessionId = await schedule(agent, client.id);
    const job = await reminders.waitingSessionReminder(sessionId);
    expect((await gql(agent, CANCEL, { id: sessionId })).data).toEqual({ cancelSession: { status: 'CANCELLED' } });
    expect(await reminders.waitingSessionReminder(sessionId)).toBeNull();
    expect(await reminders.deliverSessionReminder(job!.data, at(STARTS_AT, -1440))).toBe('stale');
    expect(await emailsTo(t, client.email)).toHaveLength(0);
  });

  it('queues nothing when the client has reminders off, and sends nothing when they turn them off later', async () => {
    const off = await pair({ sessionReminderMinutes: null });
    const quietId = await schedule(off.agent, off.client.id);
    expect(await reminders.waitingSessionReminder(quietId)).toBeNull();

    const later = await pair();
    const sessionId = await schedule(later.agent, later.client.id);
    const job = await reminders.waitingSessionReminder(sessionId);
    await t.dataSource.getRepository(UserEntity).update({ id: later.client.id }, { sessionReminderMinutes: null });
    expect(await reminders.deliverSessionReminder(job!.data, at(STARTS_AT, -1440))).toBe('off');
    expect(await emailsTo(t, later.client.email)).toHaveLength(0);
  });

  it('follows a changed choice of time: a job that comes up early is queued again for the new moment', async () => {
    const { agent, client } = await pair();
    const sessionId = await schedule(agent, client.id);
    const job = await reminders.waitingSessionReminder(sessionId);
    await t.dataSource.getRepository(UserEntity).update({ id: client.id }, { sessionReminderMinutes: 60 });
    // Claimed by a worker, as pg-boss would, so the queue has room for its successor.
    await t.dataSource.query(`UPDATE pgboss.job SET state = 'active' WHERE name = $1 AND id = $2`, [SESSION_REMINDER_QUEUE, job!.id]);
    expect(await reminders.deliverSessionReminder(job!.data, at(STARTS_AT, -1440))).toBe('rescheduled');
    const next = await reminders.waitingSessionReminder(sessionId);
    expect(new Date(next!.startAfter).toISOString()).toBe(at(STARTS_AT, -60).toISOString());
    expect(await emailsTo(t, client.email)).toHaveLength(0);
    expect(await reminders.deliverSessionReminder(next!.data, at(STARTS_AT, -60))).toBe('sent');
  });

  it('does not queue a reminder whose moment has passed', async () => {
    const { agent, client } = await pair();
    const soon = new Date(Date.now() + 3 * 60 * MINUTE);
    const sessionId = await schedule(agent, client.id, soon);
    expect(await reminders.waitingSessionReminder(sessionId)).toBeNull();
  });

  it('says nothing clinical: no note, reflection, agenda or join details', async () => {
    const { therapist, agent, client } = await pair();
    const sessionId = await schedule(agent, client.id);
    await t.dataSource.getRepository(TherapySessionEntity).update({ id: sessionId }, { agenda: AGENDA });
    const earlier = await newSession(t.dataSource, therapist, client, { hoursFromNow: -48, status: 'COMPLETED' });
    await t.dataSource.getRepository(SessionNoteEntity).insert({ sessionId: earlier.id, authorId: therapist.id, body: PRIVATE_NOTE });
    await newReflection(t.dataSource, client, { body: REFLECTION });
    await t.dataSource.getRepository(MeasureScheduleEntity).insert({ clientId: client.id, kind: 'PHQ9', schedule: 'EVERY_2_WEEKS', setById: therapist.id });
    const job = await reminders.waitingSessionReminder(sessionId);
    await reminders.deliverSessionReminder(job!.data, at(STARTS_AT, -1440));
    await reminders.remindDueMeasures(new Date());
    const emails = await emailsTo(t, client.email);
    expect(emails.map((email) => email.subject).sort()).toEqual(['A reminder of your session with Dr Rowan Vale', 'A short check-in is waiting for you']);
    for (const email of emails) {
      for (const secret of [PRIVATE_NOTE, REFLECTION, AGENDA, 'Room 4', 'PHQ', 'GAD', 'depress', 'anxi']) {
        expect(`${email.subject}\n${email.text}`.toLowerCase()).not.toContain(secret.toLowerCase());
      }
    }
  });

  describe('measures falling due', () => {
    it('emails once per due period, in one pass over every client, and respects the choice to turn them off', async () => {
      const { therapist, client } = await pair();
      const quiet = await newPerson(t.dataSource, 'CLIENT', { measureReminders: false });
      await newCare(t.dataSource, therapist, quiet);
      const schedules = t.dataSource.getRepository(MeasureScheduleEntity);
      await schedules.insert({ clientId: client.id, kind: 'PHQ9', schedule: 'EVERY_2_WEEKS', setById: therapist.id });
      await schedules.insert({ clientId: client.id, kind: 'GAD7', schedule: 'EVERY_2_WEEKS', setById: therapist.id });
      await schedules.insert({ clientId: quiet.id, kind: 'PHQ9', schedule: 'EVERY_2_WEEKS', setById: therapist.id });

      const now = new Date();
      await reminders.remindDueMeasures(now);
      // Two measures due: one email.
      expect((await emailsTo(t, client.email)).map((email) => email.subject)).toEqual(['A short check-in is waiting for you']);
      expect(await emailsTo(t, quiet.email)).toHaveLength(0);

      // Still the same due period an hour later: nothing more.
      await reminders.remindDueMeasures(new Date(now.getTime() + 60 * MINUTE));
      expect(await emailsTo(t, client.email)).toHaveLength(1);

      // Both done now; two weeks on, both fall due again: one new email.
      for (const kind of ['PHQ9', 'GAD7'] as const) {
        await t.dataSource.getRepository(MeasureResponseEntity).insert({ clientId: client.id, therapistId: therapist.id, kind, answers: [0], total: 0, band: 'MINIMAL', safetyConcern: false });
      }
      await reminders.remindDueMeasures(new Date(now.getTime() + DAY));
      expect(await emailsTo(t, client.email)).toHaveLength(1);
      await reminders.remindDueMeasures(new Date(now.getTime() + 15 * DAY));
      expect(await emailsTo(t, client.email)).toHaveLength(2);
    });
  });

  it('has its queues in the database, made by a migration', async () => {
    const rows: { name: string; policy: string }[] = await t.dataSource.query(`SELECT name, policy FROM pgboss.queue WHERE name = ANY($1) ORDER BY name`, [[SESSION_REMINDER_QUEUE, REMINDER_SWEEP_QUEUE]]);
    expect(rows).toEqual([
      { name: REMINDER_SWEEP_QUEUE, policy: 'singleton' },
      { name: SESSION_REMINDER_QUEUE, policy: 'stately' },
    ]);
  });
});

describe('the reminder worker, running', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JOBS_WORKER: 'on' });
  });
  afterAll(() => t.close());

  it('picks up a due reminder from the queue and sends it once', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST', { displayName: 'Sam Reed' });
    // One minute ahead, so the reminder falls due a moment after the session is booked.
    const client = await newPerson(t.dataSource, 'CLIENT', { sessionReminderMinutes: 1 });
    await newCare(t.dataSource, therapist, client);
    const agent = await signedIn(t, therapist);
    const startsAt = new Date(Date.now() + MINUTE + 1_500);
    const booked = await gql<{ scheduleSession: { id: string } }>(agent, SCHEDULE, { i: { clientId: client.id, startsAt: startsAt.toISOString(), endsAt: at(startsAt, 50).toISOString(), modality: 'VIDEO' } });
    const sessionId = booked.data!.scheduleSession.id;

    // Waits for the queue to finish the job (it polls every 2 seconds); the bound is generous, the check exact.
    const done = await waitFor(async () => {
      const [row] = await t.dataSource.query(`SELECT state FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, [SESSION_REMINDER_QUEUE, sessionId]);
      return row?.state === 'completed';
    });
    expect(done).toBe(true);
    const emails = await emailsTo(t, client.email);
    expect(emails.map((email) => email.subject)).toEqual(['A reminder of your session with Sam Reed']);
  }, 60_000);
});

async function waitFor(check: () => Promise<boolean>, limitMs = 45_000) {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
