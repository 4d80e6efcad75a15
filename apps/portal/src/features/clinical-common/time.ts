import { viewerTimeZone, zoneNote } from '../../app/time-zone';

/**
 * Times arrive from the API in UTC and are shown in the viewer's zone: the one they chose, else the
 * browser's (`app/time-zone.ts`). Each helper takes a zone of its own for tests. `undefined` as the
 * locale lets each person see dates the way their browser is set up to show them. A time of day names
 * its zone when that is not the device's.
 */

const WHEN: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' };

/** "Thursday, December 10, 2026 at 2:00 PM" in the viewer's zone. */
export function formatWhen(iso: string, timeZone = viewerTimeZone()) {
  return `${new Intl.DateTimeFormat(undefined, { ...WHEN, timeZone }).format(new Date(iso))}${zoneNote(timeZone)}`;
}

/** A session's time as a range, e.g. "Thursday, December 10, 2026, 2:00 – 2:50 PM EST" (`zone`: with the zone's abbreviation). */
export function formatSessionTime(startsAt: string, endsAt: string, { zone = false, timeZone = viewerTimeZone() } = {}) {
  const format = new Intl.DateTimeFormat(undefined, { ...WHEN, timeZone, ...(zone ? { timeZoneName: 'short' } : {}) });
  return `${format.formatRange(new Date(startsAt), new Date(endsAt))}${zoneNote(timeZone)}`;
}

/** The calendar year of an instant in a zone. */
const yearIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(at);

/** "Thu, Dec 10, 2:00 – 2:50 PM" for tables (the year only when it is not this year's). */
export function formatSessionTimeShort(startsAt: string, endsAt: string, timeZone = viewerTimeZone()) {
  const sameYear = yearIn(new Date(startsAt), timeZone) === yearIn(new Date(), timeZone);
  const format = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }), hour: 'numeric', minute: '2-digit', timeZone });
  return `${format.formatRange(new Date(startsAt), new Date(endsAt))}${zoneNote(timeZone)}`;
}

/** "Dec 10, 2026". */
export function formatMediumDay(iso: string, timeZone = viewerTimeZone()) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** "December 10, 2026". */
export function formatDay(iso: string, timeZone = viewerTimeZone()) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone }).format(new Date(iso));
}

/** "Dec 10" for chart labels. */
export function formatShortDay(iso: string, timeZone = viewerTimeZone()) {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone }).format(new Date(iso));
}

export function minutesBetween(startsAt: string, endsAt: string) {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
}

/** "today", "yesterday", "12 days ago". */
export function daysAgo(days: number) {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** The wall-clock date and time of an instant in a zone, as the date and time inputs hold them. */
function wallClock(at: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(at: number, timeZone: string) {
  const { date, time } = wallClock(at, timeZone);
  return Date.parse(`${date}T${time}:00Z`) - Math.floor(at / 60_000) * 60_000;
}

const DAY_MS = 86_400_000;

/**
 * A local date ("2026-12-10") and time ("14:00") from date and time inputs, read in the viewer's zone,
 * as a UTC ISO string. Null when either is missing or not a real date. A time that happens twice (the
 * autumn change) is the first of the two; a time skipped by the spring change moves forward to the
 * first real time, as browsers do.
 */
export function localToIso(date: string, time: string, timeZone = viewerTimeZone()) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  // A day the month does not have (the 30th of February) rolls into the next month: refuse it instead.
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 10) !== date) return null;
  // The zone's offsets either side of this wall time: one, or two around a change of the clocks.
  const offsets = [...new Set([offsetAt(asUtc - DAY_MS, timeZone), offsetAt(asUtc, timeZone), offsetAt(asUtc + DAY_MS, timeZone)])];
  const real = offsets
    .map((offset) => asUtc - offset)
    .filter((at) => { const wall = wallClock(at, timeZone); return wall.date === date && wall.time === time; })
    .sort((a, b) => a - b);
  // None real: the clocks jumped over it; read it with the offset from before the jump.
  return new Date(real[0] ?? asUtc - offsetAt(asUtc - DAY_MS, timeZone)).toISOString();
}

/** The date and time inputs' values for a UTC ISO string, in the viewer's zone. */
export function isoToLocalInputs(iso: string, timeZone = viewerTimeZone()) {
  return wallClock(Date.parse(iso), timeZone);
}

export function addMinutes(iso: string, minutes: number) {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
