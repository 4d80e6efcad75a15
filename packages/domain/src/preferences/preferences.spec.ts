import { isKnownTimeZone, updatePreferencesSchema } from './preferences.schema.js';

describe('preferences', () => {
  it('knows IANA zones and UTC', () => {
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
  });

  it('refuses made-up zones and bare offsets', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('+01:00')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
    expect(isKnownTimeZone(`Europe/${'x'.repeat(80)}`)).toBe(false);
  });

  it('takes a partial change, with null meaning "device zone" or "off"', () => {
    expect(updatePreferencesSchema.parse({ timeZone: ' Pacific/Auckland ' })).toEqual({ timeZone: 'Pacific/Auckland' });
    expect(updatePreferencesSchema.parse({ timeZone: null, sessionReminderMinutes: null })).toEqual({ timeZone: null, sessionReminderMinutes: null });
    expect(updatePreferencesSchema.parse({ sessionReminderMinutes: 180, measureReminders: false })).toEqual({ sessionReminderMinutes: 180, measureReminders: false });
  });

  it('allows only the offered reminder times', () => {
    const result = updatePreferencesSchema.safeParse({ sessionReminderMinutes: 45 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['sessionReminderMinutes'], message: expect.stringContaining('24 hours') });
  });

  it('says plainly when a zone is unknown', () => {
    const result = updatePreferencesSchema.safeParse({ timeZone: 'Nowhere/Atlantis' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['timeZone'], message: expect.stringContaining("don't know that time zone") });
  });
});
