import { randomUUID } from 'node:crypto';
import { nameSortKey } from '@attune/domain';
import { insertRows } from '../../src/database/seed/scale-seed';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson, signedIn } from '../auth';
import { gql, startTestApp, type TestApp } from '../harness';
import { portalOperation } from '../portal-operations';
import { countStatements } from '../statement-counter';

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


const CASELOAD_PAGE = /* GraphQL */ `
  query($first: Int, $after: String) {
    caseload(first: $first, after: $after) { edges { node { client { id displayName } } } pageInfo { hasNextPage endCursor } }
  }
`;

async function addClient(t: TestApp, therapistId: string, displayName: string) {
  const id = randomUUID();
  // Written by hand, as the scale seed does: the sort key goes with the name.
  await insertRows(t.dataSource.manager, 'users', ['id', 'email', 'display_name', 'name_sort_key', 'role'], [[id, `c-${id}@example.test`, displayName, nameSortKey(displayName), 'CLIENT']]);
  await insertRows(t.dataSource.manager, 'care_relationships', ['therapist_id', 'client_id'], [[therapistId, id]]);
  return id;
}

/** A caseload of `size` clients, each with past and upcoming sessions, check-ins and shared reflections. */
async function caseloadOf(t: TestApp, size: number): Promise<UserEntity> {
  const therapist = await newPerson(t.dataSource, 'THERAPIST');
  const clients = Array.from({ length: size }, (_, i) => [randomUUID(), `c-${randomUUID()}@example.test`, `Client ${String(i).padStart(3, '0')}`, `client ${String(i).padStart(3, '0')}`, 'CLIENT']);
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
    await insertRows(manager, 'users', ['id', 'email', 'display_name', 'name_sort_key', 'role'], clients);
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

  it('costs at most 3 statements, besides the sign-in lookup and audit rows, for a caseload of 5 and of 200', async () => {
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
      // The facts of every active client, the page's sessions, and the sessions' check-ins (asked for by this query).
      expect(counter.other).toHaveLength(3);
      counts[size] = counter.other.length;
    }
    expect(counts[200]).toBe(counts[5]);
  });

  it("answers the portal's own caseload page in 3 statements in all (1 by name), sign-in lookup and audit included, for 5 clients and for 200, in any order", async () => {
    const portalQuery = portalOperation('CaseloadPage');
    for (const sort of ['ATTENTION', 'NAME']) {
      for (const size of [5, 200]) {
        const therapist = await caseloadOf(t, size);
        const agent = await signedIn(t, therapist);
        await gql(agent, '{ me { id } }');
        const { counter, restore } = countStatements(t);
        const result = await gql<{ caseload: { edges: { node: { client: { id: string }; nextSession: unknown; lastSession: unknown } }[] } }>(agent, portalQuery, { first: 100, sort });
        restore();
        expect(result.errors).toBeUndefined();
        expect(result.data!.caseload.edges).toHaveLength(Math.min(size, 100));
        expect(result.data!.caseload.edges.every(({ node }) => node.nextSession && node.lastSession)).toBe(true);
        // By attention: the facts of every active client, then the page's sessions, then one audit insert for
        // every client shown. By name: one statement chooses the page, reads its clients' facts and sessions,
        // and writes the audit rows of the clients it returns.
        expect({ session: counter.session, audit: counter.audit, other: counter.other.length }).toEqual(
          sort === 'NAME' ? { session: 0, audit: 0, other: 1 } : { session: 0, audit: 1, other: 2 },
        );
        // Either way, one read audited for each client shown and for no one else.
        const rows: { clientId: string }[] = await t.dataSource.query(
          `SELECT subject_user_id AS "clientId" FROM audit_events WHERE action = 'caseload.read' AND actor_id = $1`,
          [therapist.id],
        );
        expect(rows.map((row) => row.clientId).sort()).toEqual(result.data!.caseload.edges.map(({ node }) => node.client.id).sort());
      }
    }
  });

  it('audits the clients a page by name shows, with the request id, and no one on the next page', async () => {
    const therapist = await caseloadOf(t, 5);
    const agent = await signedIn(t, therapist);
    const res = await gql<{ caseload: { edges: { node: { client: { id: string } } }[]; pageInfo: { hasNextPage: boolean } } }>(agent, CASELOAD_PAGE, { first: 2 });
    expect(res.data!.caseload.pageInfo.hasNextPage).toBe(true);
    const audited: { clientId: string; targetId: string; role: string; requestId: string }[] = await t.dataSource.query(
      `SELECT subject_user_id AS "clientId", target_id AS "targetId", actor_role AS role, request_id AS "requestId" FROM audit_events WHERE action = 'caseload.read' AND actor_id = $1`,
      [therapist.id],
    );
    const shown = res.data!.caseload.edges.map(({ node }) => node.client.id).sort();
    expect(audited.map((row) => row.clientId).sort()).toEqual(shown);
    expect(audited.map((row) => row.targetId).sort()).toEqual(shown);
    expect(audited.every((row) => row.role === 'THERAPIST' && row.requestId === String(res.headers['x-request-id']))).toBe(true);
  });

  it('pages by key: a client added between two pages neither repeats nor pushes anyone out', async () => {
    const therapist = await caseloadOf(t, 5);
    const agent = await signedIn(t, therapist);
    type Page = { caseload: { edges: { node: { client: { displayName: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: Awaited<ReturnType<typeof gql<Page>>> = await gql<Page>(agent, CASELOAD_PAGE, { first: 2, after });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data!.caseload.edges.map((edge) => edge.node.client.displayName));
      // After the first page: one client sorts before the cursor (an offset would repeat "Client 001"), one after it.
      if (page === 0) {
        await addClient(t, therapist.id, 'Client 000a');
        await addClient(t, therapist.id, 'Client 002a');
      }
      if (!result.data!.caseload.pageInfo.hasNextPage) break;
      after = result.data!.caseload.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Client 000', 'Client 001', 'Client 002', 'Client 002a', 'Client 003', 'Client 004']);
  });

  it('by name, asks no more about care for the words of the sessions shown (the statement read those relationships)', async () => {
    for (const size of [5, 200]) {
      const therapist = await caseloadOf(t, size);
      const agent = await signedIn(t, therapist);
      await gql(agent, '{ me { id } }');
      const { counter, restore } = countStatements(t);
      const result = await gql<{ caseload: { edges: { node: { nextSession: { agenda: unknown; checkIn: unknown } | null } }[] } }>(agent, CASELOAD, { first: 100, sort: 'NAME' });
      restore();
      expect(result.errors).toBeUndefined();
      expect(result.data!.caseload.edges).toHaveLength(Math.min(size, 100));
      // The page with its facts, sessions and audit rows; then the sessions' check-ins, asked for by this query, and their audit insert.
      expect({ session: counter.session, audit: counter.audit, other: counter.other.length }).toEqual({ session: 0, audit: 1, other: 2 });
    }
  });

  it('lists names as people read them, accents and case aside, the same with a filter, page by page', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    for (const name of ['Zoë', 'eric', 'Élodie', 'Ana', 'ángel', 'Øystein', 'Oscar', 'Eric']) await addClient(t, therapist.id, name);
    const agent = await signedIn(t, therapist);
    const expected = ['Ana', 'ángel', 'Élodie', 'Eric', 'eric', 'Oscar', 'Øystein', 'Zoë'];
    type Page = { caseload: { edges: { node: { client: { displayName: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const NAMES = /* GraphQL */ `
      query($first: Int, $after: String, $filter: CaseloadFilter) {
        caseload(first: $first, after: $after, filter: $filter) { edges { node { client { displayName } } } pageInfo { hasNextPage endCursor } }
      }
    `;
    // ALL is the one-statement path; NO_UPCOMING_SESSION (none of these clients has a session) orders the facts in JS.
    for (const filter of ['ALL', 'NO_UPCOMING_SESSION']) {
      for (const first of [3, 8]) {
        const seen: string[] = [];
        const hasNext: boolean[] = [];
        let after: string | null = null;
        do {
          const result: Awaited<ReturnType<typeof gql<Page>>> = await gql<Page>(agent, NAMES, { first, after, filter });
          expect(result.errors).toBeUndefined();
          seen.push(...result.data!.caseload.edges.map((edge) => edge.node.client.displayName));
          hasNext.push(result.data!.caseload.pageInfo.hasNextPage);
          after = result.data!.caseload.pageInfo.hasNextPage ? result.data!.caseload.pageInfo.endCursor : null;
        } while (after);
        expect({ filter, first, seen }).toEqual({ filter, first, seen: expected });
        // Eight clients: pages of 3 say more follows twice; a page of exactly 8 says nothing follows.
        expect(hasNext).toEqual(first === 3 ? [true, true, false] : [false]);
      }
    }
  });

  it('still pages on from a cursor that names a client no longer there', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    for (const name of ['Ana', 'Bea', 'Cleo']) await addClient(t, therapist.id, name);
    const agent = await signedIn(t, therapist);
    // The shape every by-name cursor has had: [0, name, client id]; this one sits between Ana and Bea.
    const between = Buffer.from(JSON.stringify([0, 'Anna', randomUUID()])).toString('base64url');
    const result = await gql<{ caseload: { edges: { node: { client: { displayName: string } } }[] } }>(agent, CASELOAD_PAGE, { first: 5, after: between });
    expect(result.errors).toBeUndefined();
    expect(result.data!.caseload.edges.map(({ node }) => node.client.displayName)).toEqual(['Bea', 'Cleo']);
  });

  it('refuses a cursor it did not give out', async () => {
    const therapist = await caseloadOf(t, 1);
    const agent = await signedIn(t, therapist);
    const forged = Buffer.from(JSON.stringify([3])).toString('base64url');
    const result = await gql(agent, CASELOAD_PAGE, { first: 2, after: forged });
    expect(result.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
