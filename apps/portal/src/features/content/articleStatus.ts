import type { ArticleStatus } from '../../gql/types';
import { viewerTimeZone, zoneLabel, zoneNote } from '../../app/time-zone';
import { isoToLocalInputs, localToIso } from '../clinical-common/time';

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: 'Draft',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

/** "Scheduled for 1 December 2026, 09:00 (Pacific/Auckland)": in the reader's zone (chosen, else the device's), named. */
export function whenText(status: ArticleStatus, publishedAt: string | null | undefined, zone = viewerTimeZone()) {
  if (!publishedAt) return null;
  const at = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(publishedAt));
  if (status === 'SCHEDULED') return `Scheduled for ${at} (${zoneLabel(zone)})`;
  if (status === 'PUBLISHED') return `Published ${at}${zoneNote(zone)}`;
  return null;
}

/** A datetime-local value ("2026-12-01T09:00") for an ISO time, in the viewer's zone. */
export function toLocalInput(iso: string, zone = viewerTimeZone()) {
  const { date, time } = isoToLocalInputs(iso, zone);
  return `${date}T${time}`;
}

/** The ISO instant a datetime-local value means in the viewer's zone; null when it is not a real time. */
export function fromLocalInput(value: string, zone = viewerTimeZone()) {
  const [date = '', time = ''] = value.split('T');
  return localToIso(date, time.slice(0, 5), zone);
}
