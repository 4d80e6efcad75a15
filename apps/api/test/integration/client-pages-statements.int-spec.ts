import { newPerson, signedIn } from '../auth';
import { newCare, newCheckIn, newMeasureResponse, newReflection, newSession } from '../factories/clinical.factory';
import { AuditService } from '../../src/modules/audit/audit.service';
import { gql, startTestApp, type TestApp } from '../harness';
import { portalOperation } from '../portal-operations';
import { countStatements } from '../statement-counter';

const DAY = 86_400_000;



/** A client in care with a few sessions (with check-ins), shared reflections, and a measure filled in each week. */
async function clientWithHistory(t: TestApp, sessions: number) {
  const therapist = await newPerson(t.dataSource, 'THERAPIST');
  const client = await newPerson(t.dataSource, 'CLIENT');
  await newCare(t.dataSource, therapist, client);
  for (let i = 0; i < sessions; i++) {
    const session = await newSession(t.dataSource, therapist, client, { hoursFromNow: -24 * 7 * (i + 1), status: 'COMPLETED' });
    await newCheckIn(t.dataSource, session, { overall: 6 + (i % 3) });
    await newReflection(t.dataSource, client, { sharedWithId: therapist.id, sharedAt: new Date(Date.now() - i * DAY) });
    await newMeasureResponse(t.dataSource, therapist, client, { kind: i % 2 ? 'GAD7' : 'PHQ9', total: 5 + (i % 7), daysAgo: 7 * (i + 1) });
  }
  await newSession(t.dataSource, therapist, client, { hoursFromNow: 48 });
  return { therapist, client };
}

describe('the client record and the client home run a bounded number of SQL statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("answers the therapist's client record (portal ClientPage) in 11 statements with one audit insert, however long the history", async () => {
    const query = portalOperation('ClientPage');
    for (const size of [2, 12]) {
      const { therapist, client } = await clientWithHistory(t, size);
      const agent = await signedIn(t, therapist);
      await gql(agent, '{ me { id } }');
      const { counter, restore } = countStatements(t);
      const result = await gql<{ sessions: { edges: unknown[] }; reflections: { edges: unknown[] } }>(agent, query, { id: client.id, yearAgo: new Date(Date.now() - 365 * DAY).toISOString() });
      restore();
      expect(result.errors).toBeUndefined();
      expect(result.data!.sessions.edges).toHaveLength(size + 1);
      expect(result.data!.reflections.edges).toHaveLength(size);
      // The therapist's active clients (the policy's set), the relationship's facts with its sessions (and the
      // measures' first and latest totals for the flags), the four lists (sessions, check-ins, reflections,
      // practice prompts), the measure schedules and the measure responses (the Measures section), the
      // sessions' check-ins, the reflections' responses; and every read recorded in one insert.
      expect({ session: counter.session, audit: counter.audit, other: counter.other.length }).toEqual({ session: 0, audit: 1, other: 10 });
    }
  });

  it('answers the client home (portal ClientHomePage) in 11 statements with one audit insert, however long the history', async () => {
    const query = portalOperation('ClientHomePage');
    for (const size of [2, 12]) {
      const { client } = await clientWithHistory(t, size);
      const agent = await signedIn(t, client);
      await gql(agent, '{ me { id } }');
      const { counter, restore } = countStatements(t);
      const now = Date.now();
      const result = await gql<{ past: { edges: unknown[] }; reflections: { edges: unknown[] } }>(agent, query, {
        clientId: client.id,
        recent: new Date(now - 6 * 3_600_000).toISOString(),
        yearAgo: new Date(now - 365 * DAY).toISOString(),
        now: new Date(now).toISOString(),
      });
      restore();
      expect(result.errors).toBeUndefined();
      expect(result.data!.past.edges).toHaveLength(size);
      expect(result.data!.reflections.edges).toHaveLength(size);
      // The current therapist, their name, the four lists (upcoming and past sessions, practice prompts,
      // reflections), the check-ins of each session list (two: the lists resolve apart), the reflections'
      // responses, the measures due (schedules, drafts, last answers and next session in one); and every read
      // recorded in one insert.
      expect({ session: counter.session, audit: counter.audit, other: counter.other.length }).toEqual({ session: 0, audit: 1, other: 10 });
    }
  });

  it('withholds the answer when its audit rows cannot be written', async () => {
    const { therapist, client } = await clientWithHistory(t, 1);
    const agent = await signedIn(t, therapist);
    const audit = t.app.get(AuditService);
    const insert = jest.spyOn(audit as unknown as { insert: () => Promise<void> }, 'insert').mockRejectedValue(new Error('the audit table is away'));
    try {
      const result = await gql(agent, portalOperation('ClientPage'), { id: client.id, yearAgo: new Date(Date.now() - 365 * DAY).toISOString() });
      expect(result.data).toBeUndefined();
      expect(result.errors![0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(insert).toHaveBeenCalledTimes(1);
    } finally {
      insert.mockRestore();
    }
  });
});
