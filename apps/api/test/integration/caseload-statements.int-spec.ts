import { randomUUID } from 'node:crypto';
import type { Logger } from 'typeorm';
import { insertRows } from '../../src/database/seed/scale-seed';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson, signedIn } from '../auth';
import { gql, startTestApp, type TestApp } from '../harness';

const CASELOAD = /* GraphQL */ `
  query($first: Int, $sort: CaseloadSort) {
    caseload(first: $first, sort: $sort) {
      edges { node {
        client { id displayName }
        nextSession { id startsAt agenda client { displayName } checkIn { overall } }
        lastSession { id startsAt checkIn { overall } }
        daysSinceLastSession unreadSharedReflections
        alliance { latest { overall acknowledgement } trend { overall } direction }
        flags { kind reason }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** Counts every SQL statement the data source sends. */
function countStatements(t: TestApp) {
  const original = t.dataSource.logger;
  const counter = { count: 0 };
  t.dataSource.logger = new Proxy(original, {
    get(target, prop: keyof Logger) {
      if (prop === 'logQuery') return () => void counter.count++;
      return target[prop];
    },
  });
  return { counter, restore: () => (t.dataSource.logger = original) };
}

/** A caseload of `size` clients, each with past and upcoming sessions, check-ins and shared reflections. */
async function caseloadOf(t: TestApp, size: number): Promise<UserEntity> {
  const therapist = await newPerson(t.dataSource, 'THERAPIST');
  const clients = Array.from({ length: size }, (_, i) => [randomUUID(), `c-${randomUUID()}@example.test`, `Client ${String(i).padStart(3, '0')}`, 'CLIENT']);
  const day = 86_400_000;
  const sessions: unknown[][] = [];
  const checkIns: unknown[][] = [];
  const reflections: unknown[][] = [];
  for (const [clientId] of clients) {
    for (const offset of [-14, -7, 7]) {
      const id = randomUUID();
      const start = new Date(Date.now() + offset * day);
      sessions.push([id, clientId, therapist.id, start, new Date(start.getTime() + 3_000_000), 'VIDEO', offset < 0 ? 'COMPLETED' : 'SCHEDULED', 1]);
      if (offset < 0) checkIns.push([randomUUID(), id, clientId, therapist.id, 8, 7, 8, offset === -7 ? 5 : 8, new Date(start.getTime() + 3_600_000)]);
    }
    reflections.push([randomUUID(), clientId, 'Some lines.', therapist.id, new Date()]);
  }
  await t.dataSource.transaction(async (manager) => {
    await insertRows(manager, 'users', ['id', 'email', 'display_name', 'role'], clients);
    await insertRows(manager, 'care_relationships', ['therapist_id', 'client_id'], clients.map(([clientId]) => [therapist.id, clientId]));
    await insertRows(manager, 'therapy_sessions', ['id', 'client_id', 'therapist_id', 'starts_at', 'ends_at', 'modality', 'status', 'version'], sessions);
    await insertRows(manager, 'check_ins', ['id', 'session_id', 'client_id', 'therapist_id', 'bond', 'goals', 'approach', 'overall', 'created_at'], checkIns);
    await insertRows(manager, 'reflections', ['id', 'client_id', 'body', 'shared_with_id', 'shared_at'], reflections);
  });
  return therapist;
}

describe('the caseload runs a bounded number of SQL statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('costs the same for a caseload of 5 as for one of 200', async () => {
    const counts: Record<number, number> = {};
    for (const size of [5, 200]) {
      const therapist = await caseloadOf(t, size);
      const agent = await signedIn(t, therapist);
      await gql(agent, '{ me { id } }'); // session lookups happen on every request; warm nothing else
      const { counter, restore } = countStatements(t);
      const result = await gql<{ caseload: { edges: { node: { flags: unknown[] } }[] } }>(agent, CASELOAD, { first: 100, sort: 'ATTENTION' });
      restore();
      expect(result.errors).toBeUndefined();
      expect(result.data!.caseload.edges).toHaveLength(Math.min(size, 100));
      counts[size] = counter.count;
    }
    expect(counts[200]).toBe(counts[5]);
    // Session check, relationships, the clients, six batched facts, field loaders, and audit: a small fixed number.
    expect(counts[5]).toBeLessThanOrEqual(20);
  });
});
