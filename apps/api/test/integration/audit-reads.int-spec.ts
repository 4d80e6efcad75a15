import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { newPerson, signedIn } from '../auth';
import { newArticle } from '../factories/article.factory';
import { newCare } from '../factories/clinical.factory';
import { gql, startTestApp, type TestApp } from '../harness';

/** Reads that return people's words or who is in whose care leave an audit row, with the server's own request id. */
describe('audited reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 180_000);
  afterAll(() => t.close());

  const rows = (where: { action: string; actorId?: string; subjectUserId?: string }) => t.dataSource.getRepository(AuditEventEntity).find({ where, order: { id: 'ASC' } });

  it('articles sent to a client with a note: one row per article shown, for client and therapist', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const client = await newPerson(t.dataSource, 'CLIENT');
    await newCare(t.dataSource, therapist, client);
    const article = await newArticle(t.dataSource, therapist.id);
    const therapistAgent = await signedIn(t, therapist);
    const sent = await gql(therapistAgent, 'mutation($i: ShareArticleInput!) { shareArticle(input: $i) { id } }', { i: { articleId: article.id, clientId: client.id, note: 'For what you said about mornings.' } });
    expect(sent.errors).toBeUndefined();
    const clientAgent = await signedIn(t, client);
    await gql(clientAgent, '{ sharedArticles { edges { node { note } } } }');
    await gql(therapistAgent, 'query($c: ID) { sharedArticles(clientId: $c) { edges { node { note } } } }', { c: client.id });
    const reads = await rows({ action: 'shared_article.read', subjectUserId: client.id });
    expect(reads.map((row) => row.actorId).sort()).toEqual([client.id, therapist.id].sort());
    expect(reads[0]!.metadata).toEqual({ articleId: article.id, withNote: true });
    expect(JSON.stringify(reads)).not.toContain('mornings');
  });

  it('first-conversation requests, practice members and the audit log itself', async () => {
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const agent = await signedIn(t, admin);
    const asked = await gql(t.http, 'mutation($i: RequestFirstConversationInput!) { requestFirstConversation(input: $i) }', {
      i: { name: 'Sam Rivera', email: 'sam.rivera@example.test', message: 'I have not been sleeping since the accident.' },
    });
    expect(asked.errors).toBeUndefined();
    const requests = await gql<{ firstConversationRequests: { edges: { node: { id: string } }[] } }>(agent, '{ firstConversationRequests { edges { node { id } } } }');
    const requestIds = requests.data!.firstConversationRequests.edges.map((edge) => edge.node.id);
    expect(requestIds.length).toBeGreaterThan(0);
    const requestReads = await rows({ action: 'first_conversation.read', actorId: admin.id });
    expect(requestReads.map((row) => row.targetId).sort()).toEqual([...requestIds].sort());
    expect(JSON.stringify(requestReads)).not.toContain('accident');

    const members = await gql<{ practiceMembers: { edges: { node: { id: string } }[] } }>(agent, '{ practiceMembers(first: 5) { edges { node { id } } } }');
    const memberIds = members.data!.practiceMembers.edges.map((edge) => edge.node.id);
    expect((await rows({ action: 'practice_member.read', actorId: admin.id })).map((row) => row.targetId).sort()).toEqual([...memberIds].sort());

    await gql(agent, '{ auditEvents(first: 3) { edges { node { action } } } }');
    const logReads = await rows({ action: 'audit_events.read', actorId: admin.id });
    expect(logReads).toHaveLength(1);
    expect(logReads[0]!.metadata).toMatchObject({ count: 3 });
  });

  it("keeps the server's request id, and the caller's x-request-id apart", async () => {
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const agent = await signedIn(t, admin);
    const chosen = 'caller-chosen-request-id-0001';
    const res = await gql(agent, '{ auditEvents(first: 1) { edges { node { action } } } }', {}, { 'x-request-id': chosen });
    const serverId = String(res.headers['x-request-id']);
    expect(serverId).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await rows({ action: 'audit_events.read', actorId: admin.id });
    expect(row!.requestId).toBe(serverId);
    expect(row!.clientRequestId).toBe(chosen);
    // A malformed id is not kept at all.
    await gql(agent, '{ auditEvents(first: 1) { edges { node { action } } } }', {}, { 'x-request-id': 'bad id with spaces' });
    const all = await rows({ action: 'audit_events.read', actorId: admin.id });
    expect(all.find((entry) => entry.id !== row!.id)!.clientRequestId).toBeNull();
  });

  it('withholds the answer when its audit rows cannot be written: a masked 500, no data', async () => {
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const agent = await signedIn(t, admin);
    // From now on the database refuses this one kind of row (NOT VALID: earlier rows stay), as it would refuse any insert while failing.
    await t.dataSource.query(`ALTER TABLE audit_events ADD CONSTRAINT refuse_member_reads CHECK (action <> 'practice_member.read') NOT VALID`);
    try {
      const res = await agent.post('/graphql').set('content-type', 'application/json').send({ query: '{ practiceMembers(first: 5) { edges { node { id displayName } } } }' });
      expect(res.status).toBe(500);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toEqual([{ message: expect.stringMatching(/^Something went wrong on our side/), extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: res.headers['x-request-id'] } }]);
      expect(res.text).not.toMatch(/refuse_member_reads|audit_events|INSERT/);
    } finally {
      await t.dataSource.query(`ALTER TABLE audit_events DROP CONSTRAINT refuse_member_reads`);
    }
  });
});
