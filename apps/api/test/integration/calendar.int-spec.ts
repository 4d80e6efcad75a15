import { newPerson, signedIn } from '../auth';
import { newCare, newRelationship, newSession } from '../factories/clinical.factory';
import { gql, startTestApp, type TestApp, type Http } from '../harness';

/** The one calendar export: GET /calendar/sessions.ics. */
describe('calendar', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 180_000);
  afterAll(() => t.close());

  const calendarOf = (http: Http, headers: Record<string, string> = {}) => {
    let req = http.get('/calendar/sessions.ics');
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return req;
  };
  const unfolded = (text: string) => text.replace(/\r\n /g, '');

  it('says "Attune session" and how to join, never a name or anything clinical, for client and therapist alike', async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    await newSession(t.dataSource, therapist, client, { hoursFromNow: 30, modality: 'PHONE', joinDetails: 'Call 0123 456 789', agenda: 'the argument with my sister' });
    for (const person of [client, therapist]) {
      const res = await calendarOf(await signedIn(t, person));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      expect(res.headers['cache-control']).toBe('private, no-store');
      const text = unfolded(res.text);
      expect(text.match(/^SUMMARY:[^\r\n]*/gm)).toEqual(['SUMMARY:Attune session']);
      expect(text).toMatch(/^DESCRIPTION:[^\r\n]* \(UTC\)\\nPhone call\\nCall 0123 456 789\r$/m);
      for (const word of [client.displayName, therapist.displayName, client.email, therapist.email, 'sister', 'Session with']) expect(text).not.toContain(word);
      expect(text).not.toMatch(/therap/i);
    }
  });

  it('strips lone carriage returns from what a person typed', async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    await newSession(t.dataSource, therapist, client, { hoursFromNow: 40, joinDetails: 'Room 4\rSUMMARY:Session with a name\r\nBring nothing' });
    const res = await calendarOf(await signedIn(t, client));
    expect(res.text.replace(/\r\n/g, '')).not.toContain('\r');
    expect(unfolded(res.text)).toContain('\\nVideo call\\nRoom 4SUMMARY:Session with a name\\nBring nothing\r\n');
    expect(res.text.match(/^SUMMARY:/gm)).toHaveLength(1);
  });

  it('is refused to anonymous callers, admins and tokens without sessions:read', async () => {
    expect((await calendarOf(t.http)).status).toBe(401);
    expect((await calendarOf(t.http, { cookie: 'attune_session=not-a-real-session-secret-at-all' })).status).toBe(401);
    expect((await calendarOf(await signedIn(t, await newPerson(t.dataSource, 'ADMIN')))).status).toBe(403);
    const client = await newPerson(t.dataSource, 'CLIENT');
    const agent = await signedIn(t, client);
    const narrow = await gql<{ createApiToken: { token: string } }>(agent, 'mutation { createApiToken(input: { name: "cal", scopes: ["account:read"] }) { token } }');
    expect((await calendarOf(t.http, { authorization: `Bearer ${narrow.data!.createApiToken.token}` })).status).toBe(401);
    const wide = await gql<{ createApiToken: { token: string } }>(agent, 'mutation { createApiToken(input: { name: "cal", scopes: ["sessions:read"] }) { token } }');
    expect((await calendarOf(t.http, { authorization: `Bearer ${wide.data!.createApiToken.token}` })).status).toBe(200);
  });

  it("never carries other people's sessions", async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    const session = await newSession(t.dataSource, therapist, client, { hoursFromNow: 50 });
    const otherClient = await newPerson(t.dataSource, 'CLIENT');
    await newCare(t.dataSource, therapist, otherClient);
    const otherTherapist = await newPerson(t.dataSource, 'THERAPIST');
    for (const outsider of [otherClient, otherTherapist]) {
      const res = await calendarOf(await signedIn(t, outsider));
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(session.id);
    }
    expect((await calendarOf(await signedIn(t, client))).text).toContain(`UID:${session.id}@attune`);
  });

  it("writes times in the person's chosen zone, else the zone the portal says the device uses, else UTC", async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    await newSession(t.dataSource, therapist, client, { hoursFromNow: 60 });
    const agent = await signedIn(t, client);
    const zoneOf = (text: string) => /^X-WR-TIMEZONE:(.*)\r$/m.exec(text)?.[1];
    expect(zoneOf((await calendarOf(agent)).text)).toBe('UTC');
    expect(zoneOf((await agent.get('/calendar/sessions.ics?timeZone=America/New_York')).text)).toBe('America/New_York');
    expect(zoneOf((await agent.get('/calendar/sessions.ics?timeZone=Nowhere/Atlantis')).text)).toBe('UTC');
    const chosen = await gql(agent, 'mutation { updatePreferences(input: { timeZone: "Pacific/Auckland" }) { timeZone } }');
    expect(chosen.errors).toBeUndefined();
    const text = unfolded((await agent.get('/calendar/sessions.ics?timeZone=America/New_York')).text);
    expect(zoneOf(text)).toBe('Pacific/Auckland');
    expect(text).toMatch(/^DESCRIPTION:[^\r\n]*GMT\+1[23] \(Pacific\/Auckland\)\\n/m);
  });
});
