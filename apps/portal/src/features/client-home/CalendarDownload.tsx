import { deviceTimeZone } from '../../app/time-zone';

/**
 * The calendar file comes from the server (GET /calendar/sessions.ics, with the session cookie): one
 * calendar, one rule. It writes times in the person's chosen zone; until they choose, in this device's.
 */
export const CALENDAR_SUMMARY = 'Attune session';

/** A download of the upcoming sessions for the client's own calendar app. */
export function CalendarDownload({ upcoming }: { upcoming: number }) {
  if (upcoming === 0) return null;
  return (
    <p className="cl-small">
      <a href={`/calendar/sessions.ics?timeZone=${encodeURIComponent(deviceTimeZone())}`} download="attune-sessions.ics">
        Add your upcoming sessions to your calendar
      </a>{' '}
      <span className="meta">
        (a calendar file). In case others can see your calendar, each entry says only “{CALENDAR_SUMMARY}” and how to join.
      </span>
    </p>
  );
}
