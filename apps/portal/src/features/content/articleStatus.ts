import type { ArticleStatus } from '../../gql/graphql';
import { formatDate } from '../../app/format';

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: 'Draft',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

/** "Scheduled for 1 December 2026, 09:00 (Pacific/Auckland)": in the reader's own time zone, named. */
export function whenText(status: ArticleStatus, publishedAt: string | null | undefined) {
  if (!publishedAt) return null;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const at = formatDate(publishedAt, { dateStyle: 'long', timeStyle: 'short' });
  if (status === 'SCHEDULED') return `Scheduled for ${at} (${zone})`;
  if (status === 'PUBLISHED') return `Published ${at}`;
  return null;
}

/** A datetime-local value ("2026-12-01T09:00") for an ISO time, in the browser's time zone. */
export function toLocalInput(iso: string) {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
