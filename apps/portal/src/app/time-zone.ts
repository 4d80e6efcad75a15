/**
 * The one place that says which time zone the portal shows times in: the zone the signed-in person
 * chose on their account page, else their device's. `ViewerProvider` sets it from the `me` query before
 * any page renders; every format helper reads it (and takes a zone of its own in tests).
 */

let chosen: string | null = null;

/** The device's IANA zone, e.g. "Europe/London". */
export const deviceTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** True when this browser can show times in the zone (a zone newer than its data would throw). */
export function knownHere(zone: string) {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The person's chosen zone, or null to follow the device. */
export function setChosenTimeZone(zone: string | null | undefined) {
  chosen = zone && knownHere(zone) ? zone : null;
}

/** The zone every time in the portal is shown in. */
export const viewerTimeZone = () => chosen ?? deviceTimeZone();

/** "Pacific/Auckland" → "Pacific/Auckland", "America/New_York" → "America/New York". */
export const zoneLabel = (zone: string) => zone.replace(/_/g, ' ');

/** " (Pacific/Auckland)" when times are shown in a zone other than the device's, so nobody misreads them; else "". */
export function zoneNote(zone: string) {
  return zone === deviceTimeZone() ? '' : ` (${zoneLabel(zone)})`;
}
