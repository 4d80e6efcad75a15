import { Inject, Injectable } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { AppLoggerToken } from '../../common/logger.module';
import type { AppLogger } from '../../common/logger';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { MailerService, practiceSender, type Email } from '../mail/mailer.service';
import type { TherapySessionEntity } from '../sessions/therapy-session.entity';
import { UsersRepository } from '../users/users.repository';
import { JOB_QUEUE } from './job-queue.provider';
import { jobDatabase, SESSION_REMINDER_QUEUE } from './job-queue';
import { RemindersRepository, type MeasureDueRow } from './reminders.repository';
import { isScheduleDue } from '../measures/schedule-due';
import { measureReminderEmail, sessionReminderEmail } from './reminder-emails';

/** What a session reminder job carries: which session, and the start it was planned for. */
export interface SessionReminderJob {
  sessionId: string;
  startsAt: string;
}

export type SessionReminderOutcome = 'sent' | 'already-sent' | 'stale' | 'off' | 'rescheduled';

/** A job that comes up to this early (clock skew, polling) still counts as on time. */
const EARLY_TOLERANCE_MS = 60_000;
/** How far ahead the sweep looks for sessions whose reminder job is missing (a preference turned on later). */
const CATCH_UP_HORIZON_MS = 24 * 3_600_000;

/**
 * Reminder emails: before a session (as the client chose: minutes ahead, or off) and when a measure falls
 * due. Jobs live in the database's queue (pg-boss), written in the same transaction as the session change
 * that asks for them. Whatever runs a job checks the facts again when it runs (the session's time and
 * status, the person's choice), and a row per reminder sent makes it go out once, however many processes
 * work the queue and however often a job is retried.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: RemindersRepository,
    private readonly users: UsersRepository,
    @Inject(JOB_QUEUE) private readonly queue: PgBoss,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AppLoggerToken) private readonly logger: AppLogger,
  ) {}

  // ---- planning, inside the session change's transaction ------------------------------------------

  /**
   * Plans (or re-plans) the reminder of a session, in the transaction `manager` belongs to: the waiting job
   * goes, and a new one is queued for the start less the client's minutes, unless reminders are off, the
   * session is no longer scheduled, or that moment has passed.
   */
  async planSession(manager: EntityManager, session: Pick<TherapySessionEntity, 'id' | 'clientId' | 'startsAt' | 'status'>, now = new Date()) {
    await this.dropSession(manager, session.id);
    if (session.status !== 'SCHEDULED') return null;
    const client = await this.users.reminderMinutesOf(manager, session.clientId);
    const minutes = client?.sessionReminderMinutes ?? null;
    if (minutes === null) return null;
    const remindAt = new Date(session.startsAt.getTime() - minutes * 60_000);
    if (remindAt <= now) return null;
    return this.queueSessionReminder(manager, { sessionId: session.id, startsAt: session.startsAt.toISOString() }, remindAt);
  }

  /** Cancels a session's waiting reminder job, in the transaction `manager` belongs to. */
  async dropSession(manager: EntityManager, sessionId: string) {
    const ids = await this.reminders.waitingJobIdsOf(manager, sessionId);
    if (ids.length) await this.queue.cancel(SESSION_REMINDER_QUEUE, ids, { db: jobDatabase(manager) });
  }

  /** The reminder job waiting for a session, if any (for tests and the sweep). */
  waitingSessionReminder(sessionId: string) {
    return this.reminders.waitingSessionReminder(sessionId);
  }

  private queueSessionReminder(target: EntityManager | DataSource, job: SessionReminderJob, remindAt: Date) {
    return this.queue.send(SESSION_REMINDER_QUEUE, job, { startAfter: remindAt, singletonKey: job.sessionId, db: jobDatabase(target) });
  }

  // ---- running jobs ---------------------------------------------------------------------------------

  /** Runs one session reminder job: checks it still holds, then sends it once. */
  async deliverSessionReminder(job: SessionReminderJob, now = new Date()): Promise<SessionReminderOutcome> {
    const session = await this.reminders.session(job.sessionId);
    // Moved, cancelled, held or already begun: this job is not the one to send.
    if (!session || session.status !== 'SCHEDULED' || session.startsAt.toISOString() !== job.startsAt || session.startsAt <= now) return 'stale';
    const people = await this.users.reminderRecipients(session.clientId, session.therapistId);
    const client = people.find((person) => person.id === session.clientId);
    const therapist = people.find((person) => person.id === session.therapistId);
    if (!client || !therapist || client.deactivatedAt || client.closedAt || client.sessionReminderMinutes === null) return 'off';
    // The client may have chosen another time since the job was queued: their choice now decides.
    const remindAt = new Date(session.startsAt.getTime() - client.sessionReminderMinutes * 60_000);
    if (remindAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) {
      await this.queueSessionReminder(this.dataSource, job, remindAt);
      return 'rescheduled';
    }
    const email = sessionReminderEmail({
      to: client.email,
      from: practiceSender(this.config),
      clientName: client.displayName,
      therapistName: therapist.displayName,
      startsAt: session.startsAt,
      timeZone: client.timeZone ?? this.config.PRACTICE_TIME_ZONE,
      portalUrl: this.config.PUBLIC_URL,
      practiceName: this.config.PRACTICE_NAME,
    });
    const sent = await this.sendOnce([`session:${session.id}@${job.startsAt}`], client.id, 'SESSION', email);
    return sent ? 'sent' : 'already-sent';
  }

  /**
   * The periodic pass: one email to each client a measure has fallen due for (once per due period, as they
   * chose), and a reminder job for any session coming up whose job is missing.
   */
  async sweep(now = new Date()) {
    const measureEmails = await this.remindDueMeasures(now);
    const sessionsQueued = await this.catchUpSessionReminders(now);
    return { measureEmails, sessionsQueued };
  }

  /** Clients with a measure due, found in one query; returns how many were emailed. */
  async remindDueMeasures(now = new Date()) {
    const rows = await this.reminders.measureSchedulesToRemind(now);
    const due = rows.filter((row) => isScheduleDue(row, now));
    const byClient = new Map<string, MeasureDueRow[]>();
    for (const row of due) byClient.set(row.client_id, [...(byClient.get(row.client_id) ?? []), row]);
    let emailed = 0;
    for (const [clientId, measures] of byClient) {
      const first = measures[0]!;
      const email = measureReminderEmail({
        to: first.email,
        from: practiceSender(this.config),
        clientName: first.display_name,
        portalUrl: this.config.PUBLIC_URL,
        practiceName: this.config.PRACTICE_NAME,
      });
      try {
        if (await this.sendOnce(measures.map(duePeriodKey), clientId, 'MEASURE', email)) emailed++;
      } catch (error) {
        // One failed address must not hold back everyone else's reminder; the next pass tries again.
        this.logger.error({ err: { name: error instanceof Error ? error.name : typeof error } }, 'A measure reminder could not be sent');
      }
    }
    return emailed;
  }

  /**
   * Queues reminders for sessions in the next day whose reminder moment is still ahead but that have no
   * job (reminders turned on after the session was booked). The queue keeps one waiting job per session,
   * so queuing again where one waits changes nothing.
   */
  private async catchUpSessionReminders(now: Date) {
    const rows = await this.reminders.sessionsWithoutReminder(now, new Date(now.getTime() + CATCH_UP_HORIZON_MS));
    let queued = 0;
    for (const row of rows) {
      const startsAt = new Date(row.starts_at);
      const id = await this.queueSessionReminder(this.dataSource, { sessionId: row.id, startsAt: startsAt.toISOString() }, new Date(startsAt.getTime() - row.minutes * 60_000));
      if (id) queued++;
    }
    return queued;
  }

  /**
   * Records the reminder under its keys, then sends it; false when every key was recorded before (sent
   * already, perhaps by another process). If sending fails the record goes, so a retry can send it.
   */
  private async sendOnce(keys: string[], userId: string, kind: 'SESSION' | 'MEASURE', email: Email) {
    const claimed = await this.dataSource.transaction((manager) => this.reminders.claimDeliveries(manager, keys, userId, kind));
    if (!claimed.length) return false;
    try {
      await this.mailer.send(email);
    } catch (error) {
      await this.reminders.releaseDeliveries(claimed);
      throw error;
    }
    return true;
  }
}

/** One due period of one measure: a new period starts when the measure is done, its schedule changes, or (before each session) with each session. */
export function duePeriodKey(row: Pick<MeasureDueRow, 'client_id' | 'kind' | 'schedule' | 'set_at' | 'last_completed_at' | 'next_session_at'>) {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : 'never');
  const period = row.schedule === 'BEFORE_EVERY_SESSION' ? `before:${iso(row.next_session_at)}` : `after:${iso(row.last_completed_at)}:${iso(row.set_at)}`;
  return `measure:${row.client_id}:${row.kind}:${period}`;
}
