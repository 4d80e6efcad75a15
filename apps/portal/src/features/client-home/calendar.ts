/**
 * An iCalendar file (RFC 5545) of a client's upcoming sessions, made in the browser from what the page
 * already shows. Calendars are often visible to others, so each entry says only "Attune session" and
 * how to join: no therapist's name, no word about therapy.
 */
export interface CalendarSession {
  id: string;
  startsAt: string;
  endsAt: string;
  joinDetails?: string | null;
}

export const CALENDAR_SUMMARY = 'Attune session';

/** 20261210T190000Z */
const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Text values escape backslashes, semicolons, commas and line breaks. */
const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space. */
function fold(line: string) {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (encoder.encode(current + char).length > limit) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildCalendar(sessions: CalendarSession[], now = new Date()) {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Attune//Sessions//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const session of sessions) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${session.id}@attune`,
      `DTSTAMP:${stamp(now.toISOString())}`,
      `DTSTART:${stamp(session.startsAt)}`,
      `DTEND:${stamp(session.endsAt)}`,
      `SUMMARY:${text(CALENDAR_SUMMARY)}`,
      ...(session.joinDetails ? [`DESCRIPTION:${text(session.joinDetails)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
