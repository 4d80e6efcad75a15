import { practiceSender } from '../mail/mailer.service';
import { formatInZone, measureReminderEmail, sessionReminderEmail } from './reminder-emails';

describe('reminder emails', () => {
  const at = new Date('2027-07-01T08:30:00.000Z');

  it('shows a moment in the named time zone, saying which zone', () => {
    expect(formatInZone(at, 'Pacific/Auckland')).toBe('Thursday 1 July 2027 at 8:30 pm (New Zealand Standard Time, Pacific/Auckland)');
    expect(formatInZone(at, 'America/New_York')).toBe('Thursday 1 July 2027 at 4:30 am (Eastern Daylight Time, America/New York)');
    expect(formatInZone(at, 'UTC')).toBe('Thursday 1 July 2027 at 8:30 am (Coordinated Universal Time, UTC)');
  });

  it('comes from the practice by name, at the MAIL_FROM address', () => {
    expect(practiceSender({ PRACTICE_NAME: 'Quiet Harbour Therapy', MAIL_FROM: 'Attune <no-reply@example.org>' })).toBe('Quiet Harbour Therapy <no-reply@example.org>');
    expect(practiceSender({ PRACTICE_NAME: 'Smith, Jones & Co', MAIL_FROM: 'no-reply@example.org' })).toBe('"Smith, Jones & Co" <no-reply@example.org>');
    expect(practiceSender({ PRACTICE_NAME: 'The "Calm" Room', MAIL_FROM: 'x <a@b.test>' })).toBe('"The \\"Calm\\" Room" <a@b.test>');
  });

  it('says when and with whom, and nothing about what a session or a check-in is about', () => {
    const session = sessionReminderEmail({ to: 'c@example.test', from: 'P <p@example.test>', clientName: 'Ana', therapistName: 'Dr Vale', startsAt: at, timeZone: 'Europe/London', portalUrl: 'https://attune.example', practiceName: 'P' });
    expect(session.text).toContain('Your session with Dr Vale is on Thursday 1 July 2027 at 9:30 am (British Summer Time, Europe/London).');
    expect(session.text).toContain('https://attune.example/account');
    const measure = measureReminderEmail({ to: 'c@example.test', from: 'P <p@example.test>', clientName: 'Ana', portalUrl: 'https://attune.example', practiceName: 'P' });
    expect(measure.subject).toBe('A short check-in is waiting for you');
    expect(measure.text).not.toMatch(/PHQ|GAD|depress|anxi/i);
  });
});
