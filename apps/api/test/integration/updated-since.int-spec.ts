import { newPerson, signedIn } from '../auth';
import { newCare, newCheckIn, newReflection, newRelationship, newSession } from '../factories/clinical.factory';
import { gql, startTestApp, type Http, type TestApp } from '../harness';

interface Page {
  edges: { node: Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * `updatedSince` lists only what changed after the instant. Each test reads the database's clock before its
 * changes (the clock `updated_at` is written with), changes some rows through the API, and leaves others alone.
 */
describe('updatedSince on the lists that change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function databaseNow(): Promise<string> {
    const [row] = await t.dataSource.query(`SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now`);
    return row.now;
  }

  async function ok(agent: Http, query: string, variables: Record<string, unknown> = {}) {
    const result = await gql(agent, query, variables);
    if (result.errors) throw new Error(result.errors[0]!.message);
    return result.data!;
  }

  /** Every node of a list, `first` at a time, as a poller pages. */
  async function all(agent: Http, field: string, args: string, variables: Record<string, unknown>, first = 1) {
    const declared = args.includes('$clientId') ? ', $clientId: ID' : '';
    const query = `query($first: Int!, $after: String, $since: DateTime${declared}) { ${field}(first: $first, after: $after, updatedSince: $since${args}) { edges { node { ${field === 'caseload' ? 'client { id }' : 'id'} } } pageInfo { hasNextPage endCursor } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const data = (await ok(agent, query, { ...variables, first, after })) as Record<string, Page>;
      const page = data[field]!;
      ids.push(...page.edges.map(({ node }) => (field === 'caseload' ? (node['client'] as { id: string }).id : (node['id'] as string))));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  it('sessions: a cancelled, a completed and one with a new agenda appear, page by page; untouched ones do not', async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    const [cancelled, untouched, agenda, completed] = [
      await newSession(t.dataSource, therapist, client, { hoursFromNow: 10 }),
      await newSession(t.dataSource, therapist, client, { hoursFromNow: 20 }),
      await newSession(t.dataSource, therapist, client, { hoursFromNow: 30 }),
      await newSession(t.dataSource, therapist, client, { hoursFromNow: -30 }),
    ];
    const therapistAgent = await signedIn(t, therapist);
    const clientAgent = await signedIn(t, client);
    const before = await databaseNow();
    expect(await all(therapistAgent, 'sessions', '', { since: before })).toEqual([]);

    await ok(therapistAgent, 'mutation($id: ID!) { cancelSession(id: $id, reason: "Unwell") { id } }', { id: cancelled!.id });
    await ok(clientAgent, 'mutation($id: ID!) { setSessionAgenda(sessionId: $id, agenda: "Sleep") { id } }', { id: agenda!.id });
    await ok(therapistAgent, 'mutation($id: ID!) { completeSession(id: $id) { id } }', { id: completed!.id });

    const changed = [completed!.id, cancelled!.id, agenda!.id]; // in time order, as the list is
    expect(await all(therapistAgent, 'sessions', '', { since: before })).toEqual(changed);
    expect(await all(clientAgent, 'sessions', '', { since: before }, 2)).toEqual(changed);
    expect(await all(therapistAgent, 'sessions', ', clientId: $clientId', { since: before, clientId: client.id })).toEqual(changed);
    expect(await all(therapistAgent, 'sessions', '', { since: null }, 10)).toContain(untouched!.id);

    // A later instant leaves out what changed before it.
    const later = await databaseNow();
    await ok(therapistAgent, 'mutation($id: ID!) { cancelSession(id: $id, reason: "Away") { id } }', { id: untouched!.id });
    expect(await all(therapistAgent, 'sessions', '', { since: later })).toEqual([untouched!.id]);
  });

  it('sessions: the care policy still decides; another therapist sees none of the changes', async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    const session = await newSession(t.dataSource, therapist, client, { hoursFromNow: 5 });
    const before = await databaseNow();
    await ok(await signedIn(t, therapist), 'mutation($id: ID!) { cancelSession(id: $id, reason: "Unwell") { id } }', { id: session.id });
    const stranger = await newPerson(t.dataSource, 'THERAPIST');
    expect(await all(await signedIn(t, stranger), 'sessions', '', { since: before })).toEqual([]);
  });

  it('reflections: shared, responded to (even when already read) and taken back appear; an untouched one does not', async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    const long = Date.now() - 86_400_000;
    const shared = { sharedWithId: therapist.id, sharedAt: new Date(long), createdAt: new Date(long) };
    const respondedTo = await newReflection(t.dataSource, client, { ...shared, readByTherapistAt: new Date(long) });
    const untouched = await newReflection(t.dataSource, client, shared);
    const toShare = await newReflection(t.dataSource, client, { createdAt: new Date(long) });
    const toTakeBack = await newReflection(t.dataSource, client, shared);
    const therapistAgent = await signedIn(t, therapist);
    const clientAgent = await signedIn(t, client);
    const before = await databaseNow();

    await ok(therapistAgent, 'mutation($id: ID!) { respondToReflection(id: $id, body: "Thank you for this.") { id } }', { id: respondedTo.id });
    await ok(clientAgent, 'mutation($id: ID!) { shareReflection(id: $id) { id } }', { id: toShare.id });
    await ok(clientAgent, 'mutation($id: ID!) { unshareReflection(id: $id) { id } }', { id: toTakeBack.id });

    const mine = await all(clientAgent, 'reflections', '', { since: before });
    expect(mine.sort()).toEqual([respondedTo.id, toShare.id, toTakeBack.id].sort());
    expect(mine).not.toContain(untouched.id);
    // The therapist no longer sees the one taken back at all.
    const theirs = await all(therapistAgent, 'reflections', ', clientId: $clientId', { since: before, clientId: client.id });
    expect(theirs.sort()).toEqual([respondedTo.id, toShare.id].sort());
  });

  it('check-ins: one acknowledged after the instant appears; one left alone does not', async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    const first = await newCheckIn(t.dataSource, await newSession(t.dataSource, therapist, client, { hoursFromNow: -50, status: 'COMPLETED' }));
    const second = await newCheckIn(t.dataSource, await newSession(t.dataSource, therapist, client, { hoursFromNow: -20, status: 'COMPLETED' }));
    const therapistAgent = await signedIn(t, therapist);
    const before = await databaseNow();
    expect(await all(therapistAgent, 'checkIns', ', clientId: $clientId', { since: before, clientId: client.id })).toEqual([]);

    await ok(therapistAgent, 'mutation($id: ID!) { acknowledgeCheckIn(id: $id) { id } }', { id: first.id });
    expect(await all(therapistAgent, 'checkIns', ', clientId: $clientId', { since: before, clientId: client.id })).toEqual([first.id]);
    expect(await all(await signedIn(t, client), 'checkIns', '', { since: before })).toEqual([first.id]);
    expect(await all(therapistAgent, 'checkIns', ', clientId: $clientId', { since: null, clientId: client.id }, 10)).toEqual([second.id, first.id]);
  });

  it('caseload: clients whose row changed appear, paged; untouched and privately writing clients do not', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const clientNamed = async (displayName: string) => {
      const client = await newPerson(t.dataSource, 'CLIENT', { displayName });
      await newCare(t.dataSource, therapist, client);
      return client;
    };
    const withSession = await clientNamed('Ada');
    const session = await newSession(t.dataSource, therapist, withSession, { hoursFromNow: 12 });
    const tookBack = await clientNamed('Bo');
    const reflection = await newReflection(t.dataSource, tookBack, { sharedWithId: therapist.id, sharedAt: new Date() });
    const acknowledged = await clientNamed('Cy');
    const checkIn = await newCheckIn(t.dataSource, await newSession(t.dataSource, therapist, acknowledged, { hoursFromNow: -20, status: 'COMPLETED' }));
    const untouched = await clientNamed('Di');
    const privateWriter = await clientNamed('Ed');
    const therapistAgent = await signedIn(t, therapist);
    const before = await databaseNow();
    expect(await all(therapistAgent, 'caseload', '', { since: before })).toEqual([]);

    await ok(therapistAgent, 'mutation($id: ID!) { cancelSession(id: $id, reason: "Unwell") { id } }', { id: session.id });
    await ok(await signedIn(t, tookBack), 'mutation($id: ID!) { unshareReflection(id: $id) { id } }', { id: reflection.id });
    await ok(therapistAgent, 'mutation($id: ID!) { acknowledgeCheckIn(id: $id) { id } }', { id: checkIn.id });
    await ok(await signedIn(t, privateWriter), 'mutation { writeReflection(input: { body: "Just for me.", mood: 3, share: false }) { id } }');
    const newcomer = await clientNamed('Fay'); // a relationship begun after the instant

    expect(await all(therapistAgent, 'caseload', '', { since: before })).toEqual([withSession.id, tookBack.id, acknowledged.id, newcomer.id]);
    expect(await all(therapistAgent, 'caseload', '', { since: before }, 3)).toEqual([withSession.id, tookBack.id, acknowledged.id, newcomer.id]);
    expect(await all(therapistAgent, 'caseload', '', { since: null }, 10)).toEqual(
      [withSession.id, tookBack.id, acknowledged.id, untouched.id, privateWriter.id, newcomer.id],
    );
  });

  it('refuses an instant in the future or one it cannot read, with a stable reason, on every list', async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    const agent = await signedIn(t, therapist);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const lists = ['sessions(updatedSince: $since)', 'reflections(updatedSince: $since)', `checkIns(clientId: "${client.id}", updatedSince: $since)`, 'caseload(updatedSince: $since)'];
    for (const list of lists) {
      const future_ = await gql(agent, `query($since: DateTime) { ${list} { edges { cursor } } }`, { since: future });
      expect(future_.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UPDATED_SINCE_IN_FUTURE', fields: [{ path: ['updatedSince'] }] });
      // What is not an instant is refused by the DateTime scalar itself, before anything runs: text, a number, a literal.
      for (const since of ['yesterday', '2026-12-01', 5]) {
        const result = await gql(agent, `query($since: DateTime) { ${list} { edges { cursor } } }`, { since });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DATETIME_MALFORMED' });
        expect(result.data).toBeUndefined();
      }
      const literal = await gql(agent, `{ ${list.replace('$since', '5')} { edges { cursor } } }`);
      expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });
});
