import { CareRelationshipEntity } from '../../src/modules/care/care-relationship.entity';
import { TherapySessionEntity } from '../../src/modules/sessions/therapy-session.entity';
import { newPerson, signedIn } from '../auth';
import { gql, startTestApp, type TestApp } from '../harness';

/**
 * The writes that check "who may see this" while holding a transaction. On the embedded database a query on
 * another connection waits for the open transaction to end, so a policy check made outside the transaction's
 * own manager hangs there (and only there): these run on both databases, with a short timeout to say so.
 */
const QUICK = 15_000;
const HOUR = 3_600_000;

describe('clinical writes inside a transaction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function relationship() {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const client = await newPerson(t.dataSource, 'CLIENT');
    await t.dataSource.getRepository(CareRelationshipEntity).insert({ therapistId: therapist.id, clientId: client.id });
    return { therapist, client, asTherapist: await signedIn(t, therapist), asClient: await signedIn(t, client) };
  }

  async function session(therapistId: string, clientId: string, startsInHours: number) {
    const startsAt = new Date(Date.now() + startsInHours * HOUR);
    return t.dataSource.getRepository(TherapySessionEntity).save({ therapistId, clientId, startsAt, endsAt: new Date(startsAt.getTime() + 50 * 60_000), modality: 'VIDEO', status: 'SCHEDULED' });
  }

  it(
    'completes a session that has started, then the client checks in low and the therapist acknowledges it',
    async () => {
      const { therapist, client, asTherapist, asClient } = await relationship();
      const held = await session(therapist.id, client.id, -2);

      const completed = await gql<{ completeSession: { status: string } }>(asTherapist, 'mutation($id: ID!) { completeSession(id: $id) { status } }', { id: held.id });
      expect(completed.errors).toBeUndefined();
      expect(completed.data!.completeSession.status).toBe('COMPLETED');

      const submitted = await gql<{ submitCheckIn: { id: string; concernReasons: string[] } }>(
        asClient,
        'mutation($input: SubmitCheckInInput!) { submitCheckIn(input: $input) { id concernReasons } }',
        { input: { sessionId: held.id, bond: 4, goals: 7, approach: 6, overall: 5 } },
      );
      expect(submitted.data!.submitCheckIn.concernReasons).toEqual(['5 or below for feeling safe and heard, the session overall']);

      const acknowledged = await gql<{ acknowledgeCheckIn: { acknowledgedAt: string | null; acknowledgement: string | null } }>(
        asTherapist,
        'mutation($id: ID!) { acknowledgeCheckIn(id: $id) { acknowledgedAt acknowledgement } }',
        { id: submitted.data!.submitCheckIn.id },
      );
      expect(acknowledged.errors).toBeUndefined();
      expect(acknowledged.data!.acknowledgeCheckIn.acknowledgedAt).not.toBeNull();
      expect(acknowledged.data!.acknowledgeCheckIn.acknowledgement).toBe(`${therapist.displayName} read your check-in and would like to talk about it next time.`);
    },
    QUICK,
  );

  it(
    'reschedules, cancels and marks a missed session',
    async () => {
      const { therapist, client, asTherapist, asClient } = await relationship();
      const ahead = await session(therapist.id, client.id, 48);
      const startsAt = new Date(Date.now() + 72 * HOUR).toISOString();
      const endsAt = new Date(Date.now() + 72 * HOUR + 50 * 60_000).toISOString();
      const moved = await gql<{ rescheduleSession: { startsAt: string } }>(
        asTherapist,
        'mutation($id: ID!, $startsAt: String!, $endsAt: String!) { rescheduleSession(id: $id, startsAt: $startsAt, endsAt: $endsAt) { startsAt } }',
        { id: ahead.id, startsAt, endsAt },
      );
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.rescheduleSession.startsAt).toBe(startsAt);

      // The client may cancel their own session, with a reason.
      const cancelled = await gql<{ cancelSession: { status: string; cancelReason: string } }>(
        asClient,
        'mutation($id: ID!) { cancelSession(id: $id, reason: "Unwell today") { status cancelReason } }',
        { id: ahead.id },
      );
      expect(cancelled.errors).toBeUndefined();
      expect(cancelled.data!.cancelSession).toEqual({ status: 'CANCELLED', cancelReason: 'Unwell today' });

      const missed = await session(therapist.id, client.id, -3);
      const noShow = await gql<{ markSessionNoShow: { status: string } }>(asTherapist, 'mutation($id: ID!) { markSessionNoShow(id: $id) { status } }', { id: missed.id });
      expect(noShow.errors).toBeUndefined();
      expect(noShow.data!.markSessionNoShow.status).toBe('NO_SHOW');
    },
    QUICK,
  );

  it(
    "answers another therapist's client as not found, inside the transaction too",
    async () => {
      const { therapist, client } = await relationship();
      const other = await newPerson(t.dataSource, 'THERAPIST');
      const asOther = await signedIn(t, other);
      const theirs = await session(therapist.id, client.id, 24);
      const refused = await gql(asOther, 'mutation($id: ID!) { cancelSession(id: $id, reason: "Not mine") { status } }', { id: theirs.id });
      expect(refused.errors![0]!.extensions.code).toBe('NOT_FOUND');
    },
    QUICK,
  );
});
