import { randomUUID } from 'node:crypto';
import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { ReflectionEntity } from '../../src/modules/reflections/reflection.entity';
import { newPerson, signedIn } from '../auth';
import { newCheckIn, newReflection, newRelationship, newSession } from '../factories/clinical.factory';
import { gql, startTestApp, type Http, type TestApp } from '../harness';

const MINUTE = 60_000;
const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

interface Page {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** One connection field, read a page at a time the way a consumer would. */
function lister(agent: Http, field: string, filter?: { name: string; type: string; value: string }) {
  const declared = filter ? `, $${filter.name}: ${filter.type}` : '';
  const args = filter ? `, ${filter.name}: $${filter.name}` : '';
  const variables = filter ? { [filter.name]: filter.value } : {};
  const query = `query($first: Int!, $after: String${declared}) { ${field}(first: $first, after: $after${args}) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
  return {
    async page(first: number, after: string | null = null) {
      const result = await gql<Record<string, Page>>(agent, query, { first, after, ...variables });
      if (result.errors) throw new Error(`${field}: ${result.errors[0]!.message}`);
      return result.data![field]!;
    },
    /** Every id from `after` to the end, `first` at a time. */
    async rest(first: number, after: string | null) {
      const ids: string[] = [];
      let cursor = after;
      for (;;) {
        const page = await this.page(first, cursor);
        ids.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) return ids;
        cursor = page.pageInfo.endCursor;
      }
    },
    async refused(after: string) {
      const result = await gql(agent, query, { first: 2, after, ...variables });
      return result.errors?.[0]?.extensions;
    },
  };
}

type List = ReturnType<typeof lister>;

/** Cursors that were never given out: not base64 JSON, the wrong shape, or the right shape with values a column cannot hold. */
async function expectForgedCursorsRefused(list: List, wellFormedKey: (string | number)[]) {
  const forged = [
    'not a cursor at all',
    cursorOf({ offset: 2 }),
    cursorOf([2]),
    cursorOf([...wellFormedKey, 'extra']),
    cursorOf(wellFormedKey.map((part) => (typeof part === 'number' ? String(part) : part.length > 20 ? 'not-a-uuid' : 'yesterday'))),
  ];
  for (const after of forged) {
    expect(await list.refused(after)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['after'] }] });
  }
}

describe('every list pages by its key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sessions: a session booked between two pages is shown where it belongs, and nothing repeats or skips', async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    const at = (hours: number) => newSession(t.dataSource, therapist, client, { hoursFromNow: hours });
    const [h10, h20, h30, h40, h50] = [await at(10), await at(20), await at(30), await at(40), await at(50)];
    const sessions = lister(await signedIn(t, therapist), 'sessions', { name: 'clientId', type: 'ID', value: client.id });

    const first = await sessions.page(2);
    expect(first.edges.map((edge) => edge.node.id)).toEqual([h10!.id, h20!.id]);
    await at(5); // before the cursor: an offset would repeat h20
    const h35 = await at(35);
    expect(await sessions.rest(2, first.pageInfo.endCursor)).toEqual([h30!.id, h35.id, h40!.id, h50!.id]);
    await expectForgedCursorsRefused(sessions, [new Date().toISOString(), randomUUID()]);
  });

  it('reflections: newest first, an older one arriving mid-way is not skipped and a new one does not push a row back into view', async () => {
    const { client } = await newRelationship(t.dataSource);
    const ago = (minutes: number) => newReflection(t.dataSource, client, { createdAt: new Date(Date.now() - minutes * MINUTE) });
    const [m10, m20, m30, m40, m50] = [await ago(10), await ago(20), await ago(30), await ago(40), await ago(50)];
    const reflections = lister(await signedIn(t, client), 'reflections');

    const first = await reflections.page(2);
    expect(first.edges.map((edge) => edge.node.id)).toEqual([m10!.id, m20!.id]);
    await ago(1);
    const m45 = await ago(45);
    expect(await reflections.rest(2, first.pageInfo.endCursor)).toEqual([m30!.id, m40!.id, m45.id, m50!.id]);
    await expectForgedCursorsRefused(reflections, [new Date().toISOString(), randomUUID()]);
  });

  it('reflections written in one transaction share a time to the microsecond, and still each appear once', async () => {
    const { client } = await newRelationship(t.dataSource);
    const written = await t.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ReflectionEntity);
      // No createdAt: the database's now(), the same for the whole transaction.
      return Promise.all([1, 2, 3, 4].map(() => repo.save(repo.create({ clientId: client.id, body: 'Written together.', mood: 3 }))));
    });
    const reflections = lister(await signedIn(t, client), 'reflections');
    const seen = await reflections.rest(1, null);
    expect(seen).toHaveLength(4);
    expect([...seen].sort()).toEqual(written.map((row) => row.id).sort());
  });

  it('check-ins: one arriving between pages neither repeats nor skips another', async () => {
    const { therapist, client } = await newRelationship(t.dataSource);
    const ago = async (minutes: number) => newCheckIn(t.dataSource, await newSession(t.dataSource, therapist, client, { hoursFromNow: -minutes }), { createdAt: new Date(Date.now() - minutes * MINUTE) });
    const [m10, m20, m30, m40] = [await ago(10), await ago(20), await ago(30), await ago(40)];
    const checkIns = lister(await signedIn(t, therapist), 'checkIns', { name: 'clientId', type: 'ID', value: client.id });

    const first = await checkIns.page(2);
    expect(first.edges.map((edge) => edge.node.id)).toEqual([m10!.id, m20!.id]);
    await ago(1);
    const m35 = await ago(35);
    expect(await checkIns.rest(2, first.pageInfo.endCursor)).toEqual([m30!.id, m35.id, m40!.id]);
    await expectForgedCursorsRefused(checkIns, [new Date().toISOString(), randomUUID()]);
  });

  it('practice members: by name, a member added between pages lands in place', async () => {
    const tag = `Pager${randomUUID().slice(0, 8)}`;
    const person = (letter: string) => newPerson(t.dataSource, 'CLIENT', { displayName: `${tag} ${letter}` });
    const [b, d, f, h] = [await person('B'), await person('D'), await person('F'), await person('H')];
    const members = lister(await signedIn(t, await newPerson(t.dataSource, 'ADMIN')), 'practiceMembers', { name: 'search', type: 'String', value: tag });

    const first = await members.page(2);
    expect(first.edges.map((edge) => edge.node.id)).toEqual([b.id, d.id]);
    await person('A');
    const e = await person('E');
    expect(await members.rest(2, first.pageInfo.endCursor)).toEqual([e.id, f.id, h.id]);
    await expectForgedCursorsRefused(members, ['A name', randomUUID()]);
  });

  it("audit events of a person: what they did and what touched their record, each once, newest first, within the times asked, page by page", async () => {
    const person = await newPerson(t.dataSource, 'THERAPIST');
    const other = await newPerson(t.dataSource, 'CLIENT');
    const repo = t.dataSource.getRepository(AuditEventEntity);
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MINUTE);
    const record = (actorId: string | null, subjectUserId: string | null, minutesAgo: number) =>
      repo.save(repo.create({ action: 'test.person_trail', actorId, subjectUserId, occurredAt: at(minutesAgo) }));
    // Oldest first, as they happen: by the person, about the person, both at once, and one that is neither.
    const did = await record(person.id, other.id, 50);
    const about = await record(other.id, person.id, 40);
    const own = await record(person.id, person.id, 30);
    await record(other.id, other.id, 20);
    const late = await record(null, person.id, 10);
    const admin = await signedIn(t, await newPerson(t.dataSource, 'ADMIN'));
    const QUERY = 'query($u: ID, $from: DateTime, $to: DateTime, $first: Int!, $after: String) { auditEvents(userId: $u, from: $from, to: $to, first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';
    type Trail = { auditEvents: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const ids = async (variables: Record<string, unknown>) => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const result: Awaited<ReturnType<typeof gql<Trail>>> = await gql<Trail>(admin, QUERY, { u: person.id, first: 2, after, ...variables });
        expect(result.errors).toBeUndefined();
        seen.push(...result.data!.auditEvents.edges.map((edge) => edge.node.id));
        after = result.data!.auditEvents.pageInfo.hasNextPage ? result.data!.auditEvents.pageInfo.endCursor : null;
      } while (after);
      return seen;
    };
    expect(await ids({})).toEqual([late.id, own.id, about.id, did.id]);
    expect(await ids({ from: at(45).toISOString(), to: at(15).toISOString() })).toEqual([own.id, about.id]);
  });

  it('audit events: newest first; events recorded while paging (reading the trail is one) never repeat an older one', async () => {
    const subject = await newPerson(t.dataSource, 'CLIENT');
    const repo = t.dataSource.getRepository(AuditEventEntity);
    const record = () => repo.save(repo.create({ action: 'test.paged', targetType: 'user', targetId: subject.id, subjectUserId: subject.id }));
    const written: AuditEventEntity[] = [];
    for (let i = 0; i < 5; i++) written.push(await record());
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const events = lister(await signedIn(t, admin), 'auditEvents', { name: 'userId', type: 'ID', value: subject.id });

    const first = await events.page(2);
    expect(first.edges.map((edge) => edge.node.id)).toEqual([written[4]!.id, written[3]!.id]);
    await record();
    const rest = await events.rest(2, first.pageInfo.endCursor);
    expect(rest).toEqual([written[2]!.id, written[1]!.id, written[0]!.id]);
    await expectForgedCursorsRefused(events, ['12']);
  });
});
