/** How long after an answer that signalled risk the support page still says the therapist was told. */
export const TOLD_WITHIN_MS = 24 * 3_600_000;

/**
 * Whether the client's latest measure is one that told their therapist, recently enough to say so on the
 * support page when it is opened afresh (a reload, a new tab) without what the form passed on.
 */
export function toldTherapist(latest: { safetyConcern: boolean; completedAt: string } | null, now: number): boolean {
  return latest !== null && latest.safetyConcern && now - Date.parse(latest.completedAt) < TOLD_WITHIN_MS;
}
