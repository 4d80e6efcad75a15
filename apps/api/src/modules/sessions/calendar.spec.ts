import { buildCalendar, calendarText } from './calendar';

const session = {
  id: '6f1c0d2e-0000-4000-8000-000000000001',
  startsAt: new Date('2026-12-10T19:00:00Z'),
  endsAt: new Date('2026-12-10T19:50:00Z'),
  modality: 'VIDEO' as const,
  joinDetails: 'https://meet.example/room\rSUMMARY:Session with Ada Lovelace',
  version: 2,
};

describe('the calendar file', () => {
  it('says "Attune session" and how to join, nothing else', () => {
    // Unfolded, as a calendar app reads it.
    const ics = buildCalendar([session], new Date('2026-12-01T00:00:00Z')).replace(/\r\n /g, '');
    expect(ics).toContain('SUMMARY:Attune session\r\n');
    expect(ics).toContain('DESCRIPTION:Thursday\\, December 10\\, 2026\\, 7:00 – 7:50 PM UTC (UTC)\\nVideo call\\nhttps://meet.example/roomSUMMARY:Session with Ada Lovelace\r\n');
    expect(ics).toContain('DTSTART:20261210T190000Z');
    expect(ics.split('\r\n').filter((line) => line.startsWith('SUMMARY:'))).toEqual(['SUMMARY:Attune session']);
  });

  it('strips lone carriage returns from every value, so none can start a property of its own', () => {
    expect(calendarText('a\rb')).toBe('ab');
    expect(calendarText('a\r\nb\nc')).toBe('a\\nb\\nc');
    expect(calendarText('x;y,z\\')).toBe('x\\;y\\,z\\\\');
    const ics = buildCalendar([{ ...session, id: 'id\rX-EVIL:1' }]);
    // Every CR in the file is part of a CRLF line end.
    expect(ics.replace(/\r\n/g, '')).not.toContain('\r');
  });

  it('folds long lines at 75 octets', () => {
    const ics = buildCalendar([{ ...session, joinDetails: 'é'.repeat(100) }]);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("writes each time in the person's zone, as UTC instants every app places correctly", () => {
    const ics = buildCalendar([session], new Date('2026-12-01T00:00:00Z'), 'Pacific/Auckland').replace(/\r\n /g, '');
    expect(ics).toContain('X-WR-TIMEZONE:Pacific/Auckland\r\n');
    // 19:00 UTC on the 10th is 8 in the morning of the 11th in Auckland (summer time, UTC+13).
    expect(ics).toContain('DESCRIPTION:Friday\\, December 11\\, 2026\\, 8:00 – 8:50 AM GMT+13 (Pacific/Auckland)\\nVideo call');
    expect(ics).toContain('DTSTART:20261210T190000Z');
    expect(ics).toContain('DTEND:20261210T195000Z');
    const london = buildCalendar([{ ...session, startsAt: new Date('2026-07-01T08:00:00Z'), endsAt: new Date('2026-07-01T08:50:00Z') }], new Date(), 'Europe/London');
    expect(london.replace(/\r\n /g, '')).toContain('Wednesday\\, July 1\\, 2026\\, 9:00 – 9:50 AM GMT+1 (Europe/London)');
  });
});
