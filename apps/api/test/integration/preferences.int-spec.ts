import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { newApiToken, newPerson, signedIn } from '../auth';
import { gql, startTestApp, type TestApp } from '../harness';

const ME = '{ me { timeZone sessionReminderMinutes measureReminders } }';
const UPDATE = 'mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { id timeZone sessionReminderMinutes measureReminders } }';

/** Each person's time zone and reminder settings: `me` and `updatePreferences`. */
describe('preferences', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 180_000);
  afterAll(() => t.close());

  it('starts with no zone (the device decides), reminders a day before, measure reminders on', async () => {
    const agent = await signedIn(t, await newPerson(t.dataSource, 'CLIENT'));
    expect((await gql(agent, ME)).data).toEqual({ me: { timeZone: null, sessionReminderMinutes: 1440, measureReminders: true } });
  });

  it('saves what changed, leaves the rest, shows it in `me` at once, and audits which settings changed (not their values)', async () => {
    for (const role of ['CLIENT', 'THERAPIST', 'ADMIN'] as const) {
      const person = await newPerson(t.dataSource, role);
      const agent = await signedIn(t, person);
      // Asked once before the change, so the sign-in lookup is cached: the change must not be hidden by it.
      await gql(agent, ME);
      const saved = await gql(agent, UPDATE, { input: { timeZone: 'Pacific/Auckland', sessionReminderMinutes: null } });
      expect(saved.errors).toBeUndefined();
      expect(saved.data).toEqual({ updatePreferences: { id: person.id, timeZone: 'Pacific/Auckland', sessionReminderMinutes: null, measureReminders: true } });
      expect((await gql(agent, ME)).data).toEqual({ me: { timeZone: 'Pacific/Auckland', sessionReminderMinutes: null, measureReminders: true } });

      await gql(agent, UPDATE, { input: { measureReminders: false, sessionReminderMinutes: 180 } });
      expect((await gql(agent, ME)).data).toEqual({ me: { timeZone: 'Pacific/Auckland', sessionReminderMinutes: 180, measureReminders: false } });
      await gql(agent, UPDATE, { input: { timeZone: null } });
      const row = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: person.id });
      expect({ timeZone: row.timeZone, sessionReminderMinutes: row.sessionReminderMinutes, measureReminders: row.measureReminders }).toEqual({ timeZone: null, sessionReminderMinutes: 180, measureReminders: false });

      const events = await t.dataSource.getRepository(AuditEventEntity).find({ where: { subjectUserId: person.id, action: 'account.preferences_changed' }, order: { occurredAt: 'ASC' } });
      expect(events.map((event) => event.metadata)).toEqual([{ changed: 'timeZone,sessionReminderMinutes' }, { changed: 'sessionReminderMinutes,measureReminders' }, { changed: 'timeZone' }]);
      expect(JSON.stringify(events)).not.toContain('Auckland');
    }
  });

  it('refuses an unknown zone with TIME_ZONE_UNKNOWN and a reminder time not offered, saving nothing', async () => {
    const person = await newPerson(t.dataSource, 'CLIENT');
    const agent = await signedIn(t, person);
    for (const timeZone of ['Mars/Olympus_Mons', '+01:00', 'Europe/London; DROP TABLE users']) {
      const refused = await gql(agent, UPDATE, { input: { timeZone, measureReminders: false } });
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TIME_ZONE_UNKNOWN', fields: [{ path: ['input', 'timeZone'], message: expect.stringContaining("don't know that time zone") }] });
    }
    const odd = await gql(agent, UPDATE, { input: { sessionReminderMinutes: 45 } });
    expect(odd.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'sessionReminderMinutes'] }] });
    expect(odd.errors![0]!.extensions).not.toHaveProperty('reason');
    expect((await gql(agent, ME)).data).toEqual({ me: { timeZone: null, sessionReminderMinutes: 1440, measureReminders: true } });
  });

  it('takes account:read to read them and account:write to change them with a token', async () => {
    const person = await newPerson(t.dataSource, 'CLIENT');
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
    const reader = await newApiToken(t.dataSource, person, ['account:read']);
    const writer = await newApiToken(t.dataSource, person, ['account:write']);
    const both = await newApiToken(t.dataSource, person, ['account:read', 'account:write']);
    const input = { input: { timeZone: 'America/New_York' } };
    expect((await gql(t.http, UPDATE.replace(' id ', ' '), input, bearer(reader))).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_SCOPE' });
    expect((await gql(t.http, 'mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { timeZone } }', input, bearer(writer))).data).toEqual({ updatePreferences: { timeZone: 'America/New_York' } });
    expect((await gql(t.http, ME, {}, bearer(writer))).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_SCOPE' });
    expect((await gql(t.http, ME, {}, bearer(both))).data).toEqual({ me: { timeZone: 'America/New_York', sessionReminderMinutes: 1440, measureReminders: true } });
  });

  it('is refused to anonymous callers', async () => {
    const res = await gql(t.http, UPDATE, { input: { measureReminders: false } });
    expect(res.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
