import { useEffect, useMemo } from 'react';
import { buildCalendar, CALENDAR_SUMMARY, type CalendarSession } from './calendar';

/** A download of the upcoming sessions for the client's own calendar app, made on this device. */
export function CalendarDownload({ sessions }: { sessions: CalendarSession[] }) {
  // A new file only when the sessions themselves change, not on every render.
  const key = sessions.map((session) => `${session.id}|${session.startsAt}|${session.endsAt}|${session.joinDetails ?? ''}`).join('\n');
  const href = useMemo(() => URL.createObjectURL(new Blob([buildCalendar(sessions)], { type: 'text/calendar;charset=utf-8' })), [key]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  if (sessions.length === 0) return null;
  return (
    <p className="cl-small">
      <a href={href} download="attune-sessions.ics">
        Add your upcoming sessions to your calendar
      </a>{' '}
      <span className="meta">
        (a calendar file). In case others can see your calendar, each entry says only “{CALENDAR_SUMMARY}” and how to join.
      </span>
    </p>
  );
}
