import { isMeasureDue, type MeasureSchedule } from '@attune/domain';

/** What decides whether a measure schedule is due, as a schedule row carries it (`scheduleDueColumns`). */
export interface ScheduleDueFacts {
  schedule: MeasureSchedule;
  set_at: Date;
  last_completed_at: Date | null;
  next_session_at: Date | null;
}

/**
 * The columns `isScheduleDue` reads, for the schedule row `alias` (with `client_id` and `kind`), the next
 * session counted after the parameter `now`: the client's page and the reminder job ask the same question.
 */
export const scheduleDueColumns = (alias: string, now: string) =>
  `(SELECT max(r.completed_at) FROM measure_responses r WHERE r.client_id = ${alias}.client_id AND r.kind = ${alias}.kind) AS last_completed_at,
   (SELECT min(t.starts_at) FROM therapy_sessions t WHERE t.client_id = ${alias}.client_id AND t.status = 'SCHEDULED' AND t.starts_at > ${now}) AS next_session_at`;

export function isScheduleDue(row: ScheduleDueFacts, now: Date) {
  return isMeasureDue({
    schedule: row.schedule,
    scheduledAt: new Date(row.set_at),
    lastCompletedAt: row.last_completed_at ? new Date(row.last_completed_at) : null,
    nextSessionAt: row.next_session_at ? new Date(row.next_session_at) : null,
    now,
  });
}
