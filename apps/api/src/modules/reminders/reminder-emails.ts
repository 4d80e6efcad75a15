import type { Email } from '../mail/mailer.service';

/**
 * The words of reminder emails. They say when, and with whom: never what a session is about, nothing a
 * client wrote, no measure's name or answers. Anyone who sees the inbox over a shoulder learns only that
 * there is an appointment with the practice.
 */

/** "Thursday 3 December 2026 at 10:00 am (New Zealand Daylight Time)", in `timeZone`. */
export function formatInZone(at: Date, timeZone: string): string {
  // Assembled from parts, so the words do not hang on how a runtime's ICU punctuates a date.
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const date = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  const time = `${part('hour')}:${part('minute')} ${part('dayPeriod').toLowerCase()}`;
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'long' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  // The IANA name as well: long names such as "Coordinated Universal Time" or "GMT+13" do not say where.
  const named = zone === timeZone ? zone : `${zone}, ${timeZone.replace(/_/g, ' ')}`;
  return `${date} at ${time} (${named})`;
}

export interface SessionReminderFacts {
  to: string;
  from: string;
  clientName: string;
  therapistName: string;
  startsAt: Date;
  timeZone: string;
  portalUrl: string;
  practiceName: string;
}

export function sessionReminderEmail(facts: SessionReminderFacts): Email {
  const when = formatInZone(facts.startsAt, facts.timeZone);
  return {
    to: facts.to,
    from: facts.from,
    subject: `A reminder of your session with ${facts.therapistName}`,
    text: [
      `Hello ${facts.clientName},`,
      '',
      `Your session with ${facts.therapistName} is on ${when}.`,
      '',
      `You can see the details, or let ${facts.therapistName} know if you cannot make it, in the portal: ${facts.portalUrl}/home`,
      '',
      `You can change when these reminders come, or turn them off, on your account page: ${facts.portalUrl}/account`,
      '',
      facts.practiceName,
    ].join('\n'),
  };
}

export interface MeasureReminderFacts {
  to: string;
  from: string;
  clientName: string;
  portalUrl: string;
  practiceName: string;
}

export function measureReminderEmail(facts: MeasureReminderFacts): Email {
  return {
    to: facts.to,
    from: facts.from,
    subject: 'A short check-in is waiting for you',
    text: [
      `Hello ${facts.clientName},`,
      '',
      'A short check-in is waiting for you in the portal. It takes a few minutes, and your therapist will see your answers.',
      '',
      `${facts.portalUrl}/home`,
      '',
      `You can turn these reminders off on your account page: ${facts.portalUrl}/account`,
      '',
      facts.practiceName,
    ].join('\n'),
  };
}
