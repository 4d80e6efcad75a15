import { z } from 'zod';

/** How long before a session its reminder email goes, in minutes; null means no session reminders. */
export const SESSION_REMINDER_CHOICES = [60, 180, 1440, 2880] as const;
export type SessionReminderMinutes = (typeof SESSION_REMINDER_CHOICES)[number];
/** What a new account starts with: a day before. */
export const DEFAULT_SESSION_REMINDER_MINUTES: SessionReminderMinutes = 1440;

/** Names only (Area/City, or UTC): offsets like "+01:00" are not places and would not follow summer time. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** True when this runtime knows the IANA zone: the check the API and the portal both make. */
export function isKnownTimeZone(zone: string) {
  if (zone.length > 64 || !ZONE_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isKnownTimeZone, { message: "We don't know that time zone. Please choose one from the list, like Europe/London." });

export const sessionReminderMinutesSchema = z.union(
  SESSION_REMINDER_CHOICES.map((minutes) => z.literal(minutes)) as unknown as [z.ZodLiteral<60>, ...z.ZodLiteral<SessionReminderMinutes>[]],
  { error: 'Please choose 1 hour, 3 hours, 24 hours or 2 days before, or no reminder.' },
);

/**
 * A change to someone's own preferences: each field left out stays as it is. `timeZone: null` goes
 * back to the device's zone; `sessionReminderMinutes: null` turns session reminders off.
 */
export const updatePreferencesSchema = z.object({
  timeZone: timeZoneSchema.nullable().optional(),
  sessionReminderMinutes: sessionReminderMinutesSchema.nullable().optional(),
  measureReminders: z.boolean({ error: 'Please say whether you want measure reminders.' }).optional(),
});
export type UpdatePreferences = z.infer<typeof updatePreferencesSchema>;
