import type { ClientHomePageQuery } from './client-home.generated';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Invitations to check in stay for this long after a session; older ones are simply let go. */
export const CHECK_IN_INVITATION_DAYS = 30;
/** Reflections with a therapist's response shown on the home page, newest first. */
const RESPONSES_SHOWN = 5;

/**
 * The times the home page asks about, fixed when the page opens so the query's variables (and its cache
 * entry) stay the same: sessions from six hours ago (one under way still counts as upcoming) and a year back.
 */
export function clientHomeTimes(at: number) {
  return { at, now: new Date(at).toISOString(), recent: new Date(at - 6 * HOUR).toISOString(), yearAgo: new Date(at - 365 * DAY).toISOString() };
}

/** What the client's home shows, from what the API answered and the moment the page opened (`at`, ms). */
export function arrangeClientHome(data: ClientHomePageQuery, at: number) {
  const upcoming = data.upcoming.edges.map((edge) => edge.node).filter((session) => Date.parse(session.endsAt) > at);
  const next = upcoming.find((session) => session.status === 'SCHEDULED') ?? null;
  const upcomingIds = new Set(upcoming.map((session) => session.id));
  // The two windows overlap by six hours: a session still under way is upcoming, not past. Newest first.
  const past = data.past.edges
    .map((edge) => edge.node)
    .filter((session) => !upcomingIds.has(session.id))
    .reverse();
  const latestCheckedIn = past.find((session) => session.checkIn);
  return {
    next,
    laterUpcoming: upcoming.filter((session) => session !== next),
    scheduled: upcoming.filter((session) => session.status === 'SCHEDULED'),
    past,
    invitations: past.filter((session) => session.status === 'COMPLETED' && !session.checkIn && at - Date.parse(session.endsAt) < CHECK_IN_INVITATION_DAYS * DAY),
    acknowledged: latestCheckedIn?.checkIn?.acknowledgedAt ? latestCheckedIn : null,
    responses: data.reflections.edges
      .map((edge) => edge.node)
      .filter((reflection) => reflection.responses.length > 0)
      .slice(0, RESPONSES_SHOWN),
  };
}

/** The start of a long reflection, ending in an ellipsis (trailing space trimmed). */
export function excerpt(text: string, length = 240) {
  return text.length > length ? `${text.slice(0, length).trimEnd()}…` : text;
}
