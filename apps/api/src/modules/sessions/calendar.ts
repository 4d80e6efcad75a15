import type { SessionModality } from '@attune/domain';

/**
 * An iCalendar file (RFC 5545) of upcoming sessions. Calendars are often synced to outside providers
 * and seen by others, so each entry says only "Attune session" and how to join: no person's name, no
 * word about therapy.
 */
export interface CalendarSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  modality: SessionModality;
  joinDetails: string | null;
  version: number;
}

export const CALENDAR_SUMMARY = 'Attune session';

const MODALITY: Record<SessionModality, string> = { IN_PERSON: 'In person', VIDEO: 'Video call', PHONE: 'Phone call' };

/** 20261210T190000Z */
const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * A text value: a lone carriage return is dropped (a calendar app may read it as a line end and let
 * the rest of the value pose as a property), CRLF becomes a line break; then backslashes, semicolons,
 * commas and line breaks are escaped.
 */
export const calendarText = (value: string) =>
  value
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space. */
function fold(line: string) {
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + char) > limit) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** "Thursday, December 10, 2026, 7:00 – 7:50 PM GMT (Europe/London)": the session's time as its reader lives it. */
export function sessionTimeIn(zone: string, startsAt: Date, endsAt: Date) {
  const format = new Intl.DateTimeFormat('en', {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  // Intl puts narrow no-break spaces around the dash and before AM/PM; plain spaces read the same everywhere.
  return `${format.formatRange(startsAt, endsAt).replace(/[\u202f\u2009]/g, ' ')} (${zone.replace(/_/g, ' ')})`;
}

/**
 * Times are UTC instants (DTSTART:…Z), which every calendar app places correctly whatever its own zone;
 * `timeZone` (the person's chosen zone, else their device's, else UTC) names the calendar's zone for
 * the apps that honour X-WR-TIMEZONE and writes each session's time in words into its description.
 */
export function buildCalendar(sessions: CalendarSession[], now = new Date(), timeZone = 'UTC') {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Attune//Sessions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${calendarText('Attune')}`,
    `X-WR-TIMEZONE:${calendarText(timeZone)}`,
  ];
  for (const session of sessions) {
    const howToJoin = [sessionTimeIn(timeZone, session.startsAt, session.endsAt), MODALITY[session.modality], session.joinDetails?.trim()].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${calendarText(session.id)}@attune`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(session.startsAt)}`,
      `DTEND:${stamp(session.endsAt)}`,
      `SUMMARY:${calendarText(CALENDAR_SUMMARY)}`,
      `DESCRIPTION:${calendarText(howToJoin)}`,
      `SEQUENCE:${session.version}`,
      'CLASS:PRIVATE',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
