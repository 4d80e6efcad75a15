import { Injectable } from '@nestjs/common';
import type { MeasureKind } from '@attune/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { scheduleDueColumns, type ScheduleDueFacts } from '../measures/schedule-due';
import { TherapySessionEntity } from '../sessions/therapy-session.entity';
import { JOB_SCHEMA, jobDatabase, SESSION_REMINDER_QUEUE } from './job-queue';
import type { SessionReminderJob } from './reminders.service';

export interface MeasureDueRow extends ScheduleDueFacts {
  client_id: string;
  kind: MeasureKind;
  email: string;
  display_name: string;
  time_zone: string | null;
}

/** The only place reminder queries live: the queue's waiting jobs, what is due, and the record of what was sent. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The ids of a session's waiting reminder jobs, read in the transaction `manager` belongs to. */
  async waitingJobIdsOf(manager: EntityManager, sessionId: string) {
    // The queue is "stately" with the session's id as its key: at most one waiting job per session.
    const { rows } = await jobDatabase(manager).executeSql(`SELECT id FROM ${JOB_SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state < 'active'`, [SESSION_REMINDER_QUEUE, sessionId]);
    return (rows as { id: string }[]).map((row) => row.id);
  }

  async waitingSessionReminder(sessionId: string) {
    const { rows } = await jobDatabase(this.dataSource).executeSql(
      `SELECT id, data, start_after AS "startAfter" FROM ${JOB_SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state < 'active'`,
      [SESSION_REMINDER_QUEUE, sessionId],
    );
    return (rows[0] as { id: string; data: SessionReminderJob; startAfter: Date } | undefined) ?? null;
  }

  session(id: string) {
    return this.dataSource.getRepository(TherapySessionEntity).findOneBy({ id });
  }

  /** Every open account's measure schedule that is on and whose person wants measure emails, with what decides whether it is due. */
  measureSchedulesToRemind(now: Date): Promise<MeasureDueRow[]> {
    return this.dataSource.query(
      `SELECT ms.client_id, ms.kind, ms.schedule, ms.set_at, u.email, u.display_name, u.time_zone,
              ${scheduleDueColumns('ms', '$1')}
         FROM measure_schedules ms
         JOIN users u ON u.id = ms.client_id
        WHERE ms.schedule <> 'OFF' AND u.measure_reminders AND u.deactivated_at IS NULL AND u.closed_at IS NULL`,
      [now],
    );
  }

  /** Scheduled sessions whose reminder moment falls in (`now`, `until`] and that have no reminder job. */
  sessionsWithoutReminder(now: Date, until: Date): Promise<{ id: string; starts_at: Date; minutes: number }[]> {
    return this.dataSource.query(
      `SELECT s.id, s.starts_at, u.session_reminder_minutes AS minutes
         FROM therapy_sessions s
         JOIN users u ON u.id = s.client_id
        WHERE s.status = 'SCHEDULED' AND u.session_reminder_minutes IS NOT NULL AND u.deactivated_at IS NULL AND u.closed_at IS NULL
          AND s.starts_at - make_interval(mins => u.session_reminder_minutes) > $1
          AND s.starts_at - make_interval(mins => u.session_reminder_minutes) <= $2
          AND NOT EXISTS (SELECT 1 FROM ${JOB_SCHEMA}.job j WHERE j.name = $3 AND j.singleton_key = s.id::text AND j.state < 'completed')`,
      [now, until, SESSION_REMINDER_QUEUE],
    );
  }

  /** Records a delivery under each key not recorded before; returns the keys this call recorded. */
  async claimDeliveries(manager: EntityManager, keys: string[], userId: string, kind: 'SESSION' | 'MEASURE') {
    const rows: { key: string }[] = await manager.query(
      `INSERT INTO reminder_deliveries (key, user_id, kind) SELECT unnest($1::varchar[]), $2, $3 ON CONFLICT (key) DO NOTHING RETURNING key`,
      [keys, userId, kind],
    );
    return rows.map((row) => row.key);
  }

  async releaseDeliveries(keys: string[]) {
    await this.dataSource.query(`DELETE FROM reminder_deliveries WHERE key = ANY($1::varchar[])`, [keys]);
  }
}
