/** Dates are stored in UTC and shown in the viewer's own time zone. */
export function formatDate(iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }, timeZone?: string) {
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(new Date(iso));
}
