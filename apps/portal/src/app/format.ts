import { viewerTimeZone, zoneNote } from './time-zone';

/**
 * Dates are stored in UTC and shown in the viewer's zone (chosen, else the device's). A format with a
 * time of day names the zone when it is not the device's.
 */
export function formatDate(iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }, timeZone = viewerTimeZone()) {
  const text = new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(new Date(iso));
  const hasTime = Boolean(options.timeStyle || options.hour);
  return hasTime ? `${text}${zoneNote(timeZone)}` : text;
}
