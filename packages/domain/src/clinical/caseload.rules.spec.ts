import { allianceDirection, caseloadFlags, type RelationshipFacts } from './caseload.rules.js';

const now = new Date('2026-11-26T12:00:00Z');
const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
const calm: RelationshipFacts = {
  now,
  hasUpcomingSession: true,
  lastMetAt: days(7),
  lastTwoPastStatuses: ['COMPLETED', 'COMPLETED'],
  recentCheckIns: [{ id: 'c1', concernReasons: [], comment: null, acknowledgedAt: null }],
  sharedReflectionsLast30Days: 1,
  sharedReflectionsDays30To90: 3,
  startedAt: days(200),
};

describe('caseload flags', () => {
  it('raises nothing for a steady relationship', () => {
    expect(caseloadFlags(calm)).toEqual([]);
  });

  it('flags a low or falling check-in until it is acknowledged', () => {
    const low = { ...calm, recentCheckIns: [{ id: 'c2', concernReasons: ['Scored 5 or below on bond'], comment: null, acknowledgedAt: null }] };
    expect(caseloadFlags(low)).toEqual([{ kind: 'ALLIANCE', reason: 'The latest check-in needs attention: Scored 5 or below on bond.', checkInId: 'c2' }]);
    const acknowledged = { ...low, recentCheckIns: [{ ...low.recentCheckIns[0]!, acknowledgedAt: now }] };
    expect(caseloadFlags(acknowledged)).toEqual([]);
  });

  it('reads the whole relationship: missed sessions, nothing scheduled, a long gap, going quiet', () => {
    const kinds = caseloadFlags({
      ...calm,
      hasUpcomingSession: false,
      lastMetAt: days(30),
      lastTwoPastStatuses: ['NO_SHOW', 'CANCELLED'],
      sharedReflectionsLast30Days: 0,
    }).map((flag) => flag.kind);
    expect(kinds).toEqual(['MISSED_SESSIONS', 'NO_UPCOMING_SESSION', 'LONG_GAP', 'GONE_QUIET']);
  });

  it('flags a waiting comment', () => {
    const flags = caseloadFlags({ ...calm, recentCheckIns: [{ id: 'c3', concernReasons: [], comment: 'I felt rushed', acknowledgedAt: null }] });
    expect(flags.map((flag) => flag.kind)).toEqual(['COMMENT_WAITING']);
  });

  it('describes the alliance direction', () => {
    expect(allianceDirection([8])).toBeNull();
    expect(allianceDirection([6, 8, 8])).toBe('DOWN');
    expect(allianceDirection([9, 7, 7])).toBe('UP');
    expect(allianceDirection([8, 8, 7])).toBe('STEADY');
  });
});
