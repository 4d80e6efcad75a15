import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../app/format';
import { setChosenTimeZone, viewerTimeZone } from '../../app/time-zone';
import { fromLocalInput, toLocalInput, whenText } from '../content/articleStatus';
import { daysAgo, formatDay, formatMediumDay, formatSessionTime, formatSessionTimeShort, formatWhen, isoToLocalInputs, localToIso, minutesBetween } from './time';

// The viewer's zone is the browser's: here, the process's, which Node lets a test change (the locale is en-US, set by the test script).
function inZone(zone: string) {
  process.env.TZ = zone;
}

/** ICU puts narrow and thin spaces around times and ranges; the words are what the test is about. */
const spaced = (text: string) => text.replace(/[\u202f\u2009]/g, ' ');

afterEach(() => {
  inZone('UTC');
  setChosenTimeZone(null);
  vi.useRealTimers();
});

describe('reading the date and time a therapist typed, in their own zone', () => {
  it('reads midnight as the start of that day where the viewer is', () => {
    inZone('America/New_York');
    expect(localToIso('2026-12-10', '00:00')).toBe('2026-12-10T05:00:00.000Z');
    inZone('Pacific/Auckland');
    expect(localToIso('2026-12-10', '00:00')).toBe('2026-12-09T11:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward to the first real time', () => {
    inZone('Europe/London');
    // 01:30 does not exist on 29 March 2026 in London: the clocks go from 01:00 GMT to 02:00 BST.
    expect(localToIso('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(isoToLocalInputs('2026-03-29T01:30:00.000Z')).toEqual({ date: '2026-03-29', time: '02:30' });
  });

  it('reads a time that happens twice in the autumn as the first of the two', () => {
    inZone('Europe/London');
    expect(localToIso('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(localToIso('', '10:00')).toBeNull();
    expect(localToIso('2026-12-10', '')).toBeNull();
    expect(localToIso('10/12/2026', '10:00')).toBeNull();
    expect(localToIso('2026-13-01', '10:00')).toBeNull();
    expect(localToIso('2026-02-30', '10:00')).toBeNull();
    expect(localToIso('2028-02-29', '10:00')).toBe('2028-02-29T10:00:00.000Z');
  });

  it('gives back the inputs a stored time was typed as, on the right side of midnight', () => {
    inZone('America/New_York');
    expect(isoToLocalInputs('2026-12-10T04:59:00.000Z')).toEqual({ date: '2026-12-09', time: '23:59' });
    expect(isoToLocalInputs(localToIso('2026-07-01', '09:05')!)).toEqual({ date: '2026-07-01', time: '09:05' });
  });
});

describe('showing a time in the viewer’s zone', () => {
  it('names the zone’s abbreviation either side of a daylight saving change', () => {
    inZone('America/New_York');
    expect(spaced(formatSessionTime('2026-03-07T19:00:00Z', '2026-03-07T19:50:00Z', { zone: true }))).toBe('Saturday, March 7, 2026, 2:00 – 2:50 PM EST');
    expect(spaced(formatSessionTime('2026-03-09T18:00:00Z', '2026-03-09T18:50:00Z', { zone: true }))).toBe('Monday, March 9, 2026, 2:00 – 2:50 PM EDT');
  });

  it('counts a session across the change by the real minutes, not the clock', () => {
    inZone('America/New_York');
    // 1:30 EST to 3:30 EDT on the clock is one hour.
    expect(minutesBetween('2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z')).toBe(60);
  });

  it('puts a late-evening time on the viewer’s own day', () => {
    inZone('America/New_York');
    expect(formatDay('2026-12-10T04:30:00Z')).toBe('December 9, 2026');
    inZone('Europe/London');
    expect(formatDay('2026-12-10T04:30:00Z')).toBe('December 10, 2026');
  });

  it('shows the year in tables only when the session is not in the viewer’s current year', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-01T10:00:00Z'));
    const newYearsEve = ['2026-12-31T23:30:00Z', '2027-01-01T00:20:00Z'] as const;
    inZone('Pacific/Auckland');
    expect(spaced(formatSessionTimeShort(...newYearsEve))).toBe('Fri, Jan 1, 12:30 – 1:20 PM');
    inZone('America/New_York');
    expect(spaced(formatSessionTimeShort(...newYearsEve))).toBe('Thu, Dec 31, 2026, 6:30 – 7:20 PM');
  });

  it('formats in a zone it is given, whatever the browser’s', () => {
    inZone('Europe/London');
    expect(formatDate('2026-12-10T00:00:00Z', { dateStyle: 'long' }, 'America/Los_Angeles')).toBe('December 9, 2026');
    expect(formatDate('2026-12-10T00:00:00Z', { dateStyle: 'long' }, 'Pacific/Auckland')).toBe('December 10, 2026');
  });

  it('says how long ago in words', () => {
    expect([-1, 0, 1, 12].map(daysAgo)).toEqual(['today', 'today', 'yesterday', '12 days ago']);
  });
});

describe('times in the zone the person chose, not the device’s', () => {
  // The test script runs with TZ=UTC: Auckland (UTC+13 in December) is visibly elsewhere.
  it('follows the device until a zone is chosen, then the chosen one', () => {
    expect(viewerTimeZone()).toBe('UTC');
    setChosenTimeZone('Pacific/Auckland');
    expect(viewerTimeZone()).toBe('Pacific/Auckland');
    // A zone this browser does not know is no use for showing times: the device's stays.
    setChosenTimeZone('Nowhere/Atlantis');
    expect(viewerTimeZone()).toBe('UTC');
  });

  it('shows a session on the chosen zone’s day and clock, and names the zone', () => {
    setChosenTimeZone('Pacific/Auckland');
    expect(spaced(formatSessionTime('2026-12-10T19:00:00Z', '2026-12-10T19:50:00Z'))).toBe('Friday, December 11, 2026, 8:00 – 8:50 AM (Pacific/Auckland)');
    expect(spaced(formatSessionTime('2026-12-10T19:00:00Z', '2026-12-10T19:50:00Z', { zone: true }))).toBe('Friday, December 11, 2026, 8:00 – 8:50 AM GMT+13 (Pacific/Auckland)');
    expect(spaced(formatWhen('2026-12-10T19:00:00Z'))).toBe('Friday, December 11, 2026 at 8:00 AM (Pacific/Auckland)');
    expect(formatDay('2026-12-10T19:00:00Z')).toBe('December 11, 2026');
    expect(formatMediumDay('2026-12-10T19:00:00Z')).toBe('Dec 11, 2026');
    expect(spaced(formatDate('2026-12-10T19:00:00Z', { dateStyle: 'medium', timeStyle: 'short' }))).toBe('Dec 11, 2026, 8:00 AM (Pacific/Auckland)');
    // A day alone needs no zone named.
    expect(formatDate('2026-12-10T19:00:00Z')).toBe('December 11, 2026');
  });

  it('names no zone when the chosen one is the device’s', () => {
    inZone('Pacific/Auckland');
    setChosenTimeZone('Pacific/Auckland');
    expect(spaced(formatWhen('2026-12-10T19:00:00Z'))).toBe('Friday, December 11, 2026 at 8:00 AM');
  });

  it('reads typed times in the chosen zone, both ways, across its clock changes', () => {
    setChosenTimeZone('America/New_York');
    expect(localToIso('2026-12-10', '00:00')).toBe('2026-12-10T05:00:00.000Z');
    expect(isoToLocalInputs('2026-12-10T04:59:00.000Z')).toEqual({ date: '2026-12-09', time: '23:59' });
    // 2:30 does not exist on 8 March 2026 in New York; the first real time after it is 3:30 EDT.
    expect(localToIso('2026-03-08', '02:30')).toBe('2026-03-08T07:30:00.000Z');
    // 1:30 happens twice on 1 November 2026: the first, EDT.
    expect(localToIso('2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z');
    expect(localToIso('2026-02-30', '10:00')).toBeNull();
    setChosenTimeZone('Pacific/Auckland');
    expect(localToIso('2026-12-10', '00:00')).toBe('2026-12-09T11:00:00.000Z');
    expect(isoToLocalInputs('2026-12-09T11:00:00.000Z')).toEqual({ date: '2026-12-10', time: '00:00' });
  });

  it('counts “this year” in the chosen zone for tables', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-01T10:00:00Z'));
    setChosenTimeZone('Pacific/Auckland');
    expect(spaced(formatSessionTimeShort('2026-12-31T23:30:00Z', '2027-01-01T00:20:00Z'))).toBe('Fri, Jan 1, 12:30 – 1:20 PM (Pacific/Auckland)');
  });

  it('schedules an article in the chosen zone and says so', () => {
    setChosenTimeZone('Pacific/Auckland');
    expect(toLocalInput('2026-12-09T20:00:00.000Z')).toBe('2026-12-10T09:00');
    expect(fromLocalInput('2026-12-10T09:00')).toBe('2026-12-09T20:00:00.000Z');
    expect(fromLocalInput('')).toBeNull();
    expect(spaced(whenText('SCHEDULED', '2026-12-09T20:00:00.000Z')!)).toBe('Scheduled for December 10, 2026 at 9:00 AM (Pacific/Auckland)');
  });
});
