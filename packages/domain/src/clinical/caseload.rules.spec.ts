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
  measureTotals: {},
};

describe('caseload flags', () => {
  it('raises nothing for a steady relationship', () => {
    expect(caseloadFlags(calm)).toEqual([]);
  });

  it('flags a low or falling check-in until it is acknowledged', () => {
    const low = { ...calm, recentCheckIns: [{ id: 'c2', concernReasons: ['Scored 5 or below on bond'], comment: null, acknowledgedAt: null }] };
    expect(caseloadFlags(low)).toEqual([{ kind: 'ALLIANCE', reason: 'The latest check-in needs attention: Scored 5 or below on bond.', checkInId: 'c2', measure: null }]);
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

  it('flags outcome measures in plain words, each with the measure it is about', () => {
    const flags = caseloadFlags({
      ...calm,
      measureTotals: {
        PHQ9: [
          { total: 8, completedAt: days(28) },
          { total: 14, completedAt: days(0) },
        ],
        GAD7: [
          { total: 12, completedAt: days(91) },
          { total: 11, completedAt: days(0) },
        ],
      },
    });
    expect(flags).toEqual([
      { kind: 'SYMPTOMS_WORSENING', reason: 'Symptoms worsening on PHQ-9 since the first one in your care.', checkInId: null, measure: 'PHQ9' },
      { kind: 'NOT_IMPROVING', reason: 'Not improving after 13 weeks on GAD-7.', checkInId: null, measure: 'GAD7' },
    ]);
    // One score, or none, says nothing about a trend.
    expect(caseloadFlags({ ...calm, measureTotals: { PHQ9: [{ total: 20, completedAt: days(0) }], GAD7: [] } })).toEqual([]);
  });

  it('describes the alliance direction', () => {
    expect(allianceDirection([8])).toBeNull();
    expect(allianceDirection([6, 8, 8])).toBe('DOWN');
    expect(allianceDirection([9, 7, 7])).toBe('UP');
    expect(allianceDirection([8, 8, 7])).toBe('STEADY');
  });
});
