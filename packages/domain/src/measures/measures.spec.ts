import { GAD7, isMeasureDue, MEASURES, measureAnswersSchema, measureTrendFlags, PHQ9, scoreMeasure, severityBand } from './measures.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY);

describe('the instruments', () => {
  it('keep their own items, answers and codes', () => {
    expect(PHQ9.items).toHaveLength(9);
    expect(GAD7.items).toHaveLength(7);
    expect(PHQ9.items[8]!.text).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
    expect(GAD7.items[4]!.text).toBe("Being so restless that it's hard to sit still");
    expect(new Set(PHQ9.items.map((item) => item.loinc)).size).toBe(9);
    expect(PHQ9.loinc.total).toBe('44261-6');
    expect(GAD7.loinc.total).toBe('70274-6');
  });

  it('have bands that cover every possible total exactly once', () => {
    for (const definition of Object.values(MEASURES)) {
      for (let total = 0; total <= definition.maxScore; total++) {
        expect(definition.bands.filter((band) => total >= band.min && total <= band.max)).toHaveLength(1);
      }
      expect(definition.maxScore).toBe(definition.items.length * 3);
    }
  });
});

describe('scoring', () => {
  it.each([
    [0, 'MINIMAL'],
    [4, 'MINIMAL'],
    [5, 'MILD'],
    [9, 'MILD'],
    [10, 'MODERATE'],
    [14, 'MODERATE'],
    [15, 'MODERATELY_SEVERE'],
    [19, 'MODERATELY_SEVERE'],
    [20, 'SEVERE'],
    [27, 'SEVERE'],
  ])('PHQ-9 total %i is %s', (total, code) => {
    expect(severityBand('PHQ9', total).code).toBe(code);
  });

  it.each([
    [0, 'MINIMAL'],
    [4, 'MINIMAL'],
    [5, 'MILD'],
    [9, 'MILD'],
    [10, 'MODERATE'],
    [14, 'MODERATE'],
    [15, 'SEVERE'],
    [21, 'SEVERE'],
  ])('GAD-7 total %i is %s', (total, code) => {
    expect(severityBand('GAD7', total).code).toBe(code);
  });

  it('refuses totals outside the range', () => {
    expect(() => severityBand('GAD7', 22)).toThrow(RangeError);
    expect(() => severityBand('PHQ9', -1)).toThrow(RangeError);
  });

  it('sums the answers and raises the safety concern for any answer above 0 on PHQ-9 item 9 only', () => {
    expect(scoreMeasure('PHQ9', [3, 3, 3, 3, 3, 3, 3, 3, 0])).toMatchObject({ total: 24, safetyConcern: false });
    expect(scoreMeasure('PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 1])).toMatchObject({ total: 1, safetyConcern: true });
    expect(scoreMeasure('PHQ9', [0, 0, 0, 0, 0, 0, 0, 3, 0]).safetyConcern).toBe(false);
    expect(scoreMeasure('GAD7', [3, 3, 3, 3, 3, 3, 3])).toMatchObject({ total: 21, safetyConcern: false });
  });

  it('refuses an answer outside the options, a missing item, and the wrong number of answers', () => {
    expect(() => scoreMeasure('GAD7', [0, 0, 0, 0, 0, 0, 4])).toThrow();
    expect(() => scoreMeasure('GAD7', [0, 0, 0, 0, 0, 0, 1.5])).toThrow();
    expect(() => scoreMeasure('GAD7', [0, 0, 0, 0, 0, 0])).toThrow();
    const missing = measureAnswersSchema('PHQ9').safeParse([0, 1, null, 0, 0, 0, 0, 0, 0]);
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]).toMatchObject({ path: [2], message: 'Question 3 still needs an answer.' });
  });
});

describe('trend flags', () => {
  const scores = (...points: [number, number][]) => points.map(([days, total]) => ({ completedAt: at(days), total }));

  it('need two scores', () => {
    expect(measureTrendFlags('PHQ9', scores([0, 20]))).toEqual([]);
  });

  it('say worsening from a rise of the reliable-change amount from the first score, not one point less', () => {
    expect(measureTrendFlags('PHQ9', scores([0, 8], [14, 14]))).toEqual(['SYMPTOMS_WORSENING']);
    expect(measureTrendFlags('PHQ9', scores([0, 8], [14, 13]))).toEqual([]);
    expect(measureTrendFlags('GAD7', scores([0, 6], [14, 10]))).toEqual(['SYMPTOMS_WORSENING']);
    expect(measureTrendFlags('GAD7', scores([0, 6], [14, 9]))).toEqual([]);
  });

  it('read only the first and the latest score, so the caseload may load just those two', () => {
    // A fixed walk of totals and gaps: every prefix of it, whole and cut to its ends, flags alike.
    const totals = [12, 15, 9, 18, 20, 6, 14, 11, 19, 13, 7, 16];
    const series = totals.map((total, index) => ({ total, completedAt: at(index * 9 + (index % 3)) }));
    for (const kind of ['PHQ9', 'GAD7'] as const) {
      for (let length = 1; length <= series.length; length++) {
        const whole = series.slice(0, length).map((score) => ({ ...score, total: Math.min(score.total, MEASURES[kind].maxScore) }));
        const ends = whole.length > 1 ? [whole[0]!, whole[whole.length - 1]!] : whole;
        expect(measureTrendFlags(kind, ends)).toEqual(measureTrendFlags(kind, whole));
      }
    }
  });

  it('say not improving only after 12 weeks of scores without a reliable improvement', () => {
    expect(measureTrendFlags('PHQ9', scores([0, 15], [83, 14]))).toEqual([]);
    expect(measureTrendFlags('PHQ9', scores([0, 15], [84, 14]))).toEqual(['NOT_IMPROVING']);
    expect(measureTrendFlags('PHQ9', scores([0, 15], [84, 9]))).toEqual([]);
    expect(measureTrendFlags('GAD7', scores([0, 12], [42, 11], [90, 9]))).toEqual(['NOT_IMPROVING']);
    expect(measureTrendFlags('GAD7', scores([0, 12], [42, 11], [90, 8]))).toEqual([]);
  });

  it('do not call a client who started in the minimal band "not improving"', () => {
    expect(measureTrendFlags('GAD7', scores([0, 3], [100, 2]))).toEqual([]);
  });
});

describe('what is due', () => {
  const base = { scheduledAt: at(0), lastCompletedAt: null, nextSessionAt: null, now: at(30) };

  it('is nothing when the schedule is off', () => {
    expect(isMeasureDue({ ...base, schedule: 'OFF' })).toBe(false);
  });

  it('every two or four weeks, counts from the last time it was filled in', () => {
    expect(isMeasureDue({ ...base, schedule: 'EVERY_2_WEEKS' })).toBe(true);
    expect(isMeasureDue({ ...base, schedule: 'EVERY_2_WEEKS', lastCompletedAt: at(17) })).toBe(false);
    expect(isMeasureDue({ ...base, schedule: 'EVERY_2_WEEKS', lastCompletedAt: at(16) })).toBe(true);
    expect(isMeasureDue({ ...base, schedule: 'EVERY_4_WEEKS', lastCompletedAt: at(3) })).toBe(false);
    expect(isMeasureDue({ ...base, schedule: 'EVERY_4_WEEKS', lastCompletedAt: at(2) })).toBe(true);
  });

  it('before every session, opens three days ahead and closes once filled in for that session', () => {
    const session = at(32);
    expect(isMeasureDue({ ...base, schedule: 'BEFORE_EVERY_SESSION' })).toBe(false);
    expect(isMeasureDue({ ...base, schedule: 'BEFORE_EVERY_SESSION', nextSessionAt: at(34) })).toBe(false);
    expect(isMeasureDue({ ...base, schedule: 'BEFORE_EVERY_SESSION', nextSessionAt: session })).toBe(true);
    expect(isMeasureDue({ ...base, schedule: 'BEFORE_EVERY_SESSION', nextSessionAt: session, lastCompletedAt: at(29.5) })).toBe(false);
    expect(isMeasureDue({ ...base, schedule: 'BEFORE_EVERY_SESSION', nextSessionAt: session, lastCompletedAt: at(28) })).toBe(true);
  });
});
