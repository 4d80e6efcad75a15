import { DateTimeScalar, isoInstant } from './date-time.scalar';

describe('isoInstant', () => {
  it('writes every instant exactly as toISOString does', () => {
    const edges = [0, -1, 1, Date.UTC(999, 11, 31, 23, 59, 59, 999), Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), Date.UTC(-5, 0, 1), Date.UTC(2026, 1, 28, 23, 59, 59, 9)];
    // A deterministic spread over four centuries, down to the millisecond.
    let at = Date.UTC(1900, 0, 1);
    const spread: number[] = [];
    for (let i = 0; i < 20_000; i++) spread.push((at += 631_123_457));
    for (const time of [...edges, ...spread]) expect(isoInstant(new Date(time))).toBe(new Date(time).toISOString());
  });

  it('leaves an invalid date to toISOString, which refuses it', () => {
    expect(() => isoInstant(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('is what the DateTime scalar answers', () => {
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 11, 1, 9, 5, 7, 30)))).toBe('2026-12-01T09:05:07.030Z');
  });
});
