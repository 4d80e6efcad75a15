/**
 * Times arrive from the API in UTC and are shown in the viewer's own time zone (the browser's).
 * `undefined` as the locale lets each person see dates the way their browser is set up to show them.
 */

const WHEN: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' };

/** The viewer's IANA time zone, e.g. "Europe/London". */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Thursday, December 10, 2026 at 2:00 PM" in the viewer's zone. */
export function formatWhen(iso: string) {
  return new Intl.DateTimeFormat(undefined, WHEN).format(new Date(iso));
}

/** A session's time as a range, e.g. "Thursday, December 10, 2026, 2:00 – 2:50 PM EST". */
export function formatSessionTime(startsAt: string, endsAt: string, { zone = false } = {}) {
  const format = new Intl.DateTimeFormat(undefined, { ...WHEN, ...(zone ? { timeZoneName: 'short' } : {}) });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** "Thu, Dec 10, 2:00 – 2:50 PM" for tables (the year only when it is not this year's). */
export function formatSessionTimeShort(startsAt: string, endsAt: string) {
  const sameYear = new Date(startsAt).getFullYear() === new Date().getFullYear();
  const format = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }), hour: 'numeric', minute: '2-digit' });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** "Dec 10, 2026". */
export function formatMediumDay(iso: string) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));
}

/** "December 10, 2026". */
export function formatDay(iso: string) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date(iso));
}

/** "Dec 10" for chart labels. */
export function formatShortDay(iso: string) {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(new Date(iso));
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

/**
 * A local date ("2026-12-10") and time ("14:00") from date and time inputs, read in the viewer's zone,
 * as a UTC ISO string. Null when either is missing or not a real date. (A time skipped by a daylight
 * saving change moves forward to the first real time, as the browser does.)
 */
export function localToIso(date: string, time: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const local = new Date(`${date}T${time}:00`);
  if (Number.isNaN(local.getTime())) return null;
  // A day the month does not have (the 30th of February) rolls into the next month: refuse it instead.
  return isoToLocalInputs(local.toISOString()).date === date ? local.toISOString() : null;
}

/** The date and time inputs' values for a UTC ISO string, in the viewer's zone. */
export function isoToLocalInputs(iso: string) {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

export function addMinutes(iso: string, minutes: number) {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
