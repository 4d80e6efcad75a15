import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { formatSessionTime, formatWhen } from './time';

/** What went wrong, in the API's words (written for people), ready to show next to the right control. */
export interface ClinicalProblem {
  code: string;
  message: string;
  /** The last named part of each field path (`input.startsAt` → `startsAt`) → its message. */
  fields: Record<string, string>;
}

const OFFLINE = "We couldn't reach Attune just now. Please check your connection and try again.";
const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z`;
const ISO_RANGE = new RegExp(`from (${ISO}) to (${ISO})`, 'g');
const ISO_TIME = new RegExp(ISO, 'g');

export function readClinicalProblem(error: unknown): ClinicalProblem {
  if (!CombinedGraphQLErrors.is(error) || error.errors.length === 0) return { code: 'NETWORK', message: OFFLINE, fields: {} };
  const first = error.errors[0]!;
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  const fields: Record<string, string> = {};
  for (const item of error.errors) {
    const listed = item.extensions?.fields;
    if (!Array.isArray(listed)) continue;
    for (const field of listed as { path?: unknown; message?: unknown }[]) {
      const path = Array.isArray(field.path) ? field.path.map(String).filter((part) => !/^\d+$/.test(part)) : [];
      const name = path[path.length - 1];
      if (name && typeof field.message === 'string' && !(name in fields)) fields[name] = field.message;
    }
  }
  // Some messages name a time in UTC (a double-booking, for example): say it in the reader's own time zone.
  const message = first.message.replace(ISO_RANGE, (_all, from: string, to: string) => `on ${formatSessionTime(from, to)}`).replace(ISO_TIME, (iso) => formatWhen(iso));
  return { code, message, fields };
}

export const isNotFound = (error: unknown) => CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.code === 'NOT_FOUND');
