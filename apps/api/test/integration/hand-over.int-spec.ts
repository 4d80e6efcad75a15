import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { PracticePromptEntity, ReflectionResponseEntity } from '../../src/modules/reflections/reflection.entity';
import { SessionNoteEntity } from '../../src/modules/sessions/session-note.entity';
import { newApiToken, newPerson, signedIn } from '../auth';
import { newCare, newCheckIn, newReflection, newSession } from '../factories/clinical.factory';
import { gql, startTestApp, type TestApp } from '../harness';

/**
 * The rule after a hand-over (CONTRACT "who may see what"): words written inside one care relationship
 * (agendas, cancel reasons, check-ins, shared reflections, the therapist's responses, practice prompts)
 * stay with it; the new therapist sees the dates and statuses of earlier sessions, and the earlier
 * therapist sees nothing any more. The client keeps everything.
 */
describe('a hand-over from one therapist to another', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function handedOver() {
    const ds = t.dataSource;
    const earlier = await newPerson(ds, 'THERAPIST');
    const later = await newPerson(ds, 'THERAPIST');
    const client = await newPerson(ds, 'CLIENT');
    const admin = await newPerson(ds, 'ADMIN');
    await newCare(ds, earlier, client);
    const held = await newSession(ds, earlier, client, { hoursFromNow: -200, status: 'COMPLETED', agenda: 'my sister' });
    const cancelled = await newSession(ds, earlier, client, { hoursFromNow: -100, status: 'CANCELLED', cancelReason: 'I was unwell' });
    await newCheckIn(ds, held, { overall: 3, comment: 'I felt rushed' });
    await ds.getRepository(SessionNoteEntity).insert({ sessionId: held.id, authorId: earlier.id, body: 'private note', signedAt: new Date() });
    const shared = await newReflection(ds, client, { body: 'a hard week', sharedWithId: earlier.id, sharedAt: new Date() });
    await ds.getRepository(ReflectionResponseEntity).insert({ reflectionId: shared.id, therapistId: earlier.id, body: 'thank you for writing this' });
    await ds.getRepository(PracticePromptEntity).insert({ clientId: client.id, therapistId: earlier.id, body: 'notice your breathing' });
    const assigned = await gql(await signedIn(t, admin), 'mutation($c: ID!, $t: ID!) { assignClient(clientId: $c, therapistId: $t) }', { c: client.id, t: later.id });
    expect(assigned.errors).toBeUndefined();
    return { earlier, later, client, held, cancelled, shared };
  }

  const SESSIONS = `query($c: ID) { sessions(clientId: $c) { edges { node { id status startsAt agenda cancelReason checkIn { overall comment } note { body } } } } }`;

  it('shows the new therapist dates and statuses of earlier sessions, never what was said in them', async () => {
    const { later, client, held, cancelled } = await handedOver();
    const agent = await signedIn(t, later);
    const sessions = await gql<{ sessions: { edges: { node: Record<string, unknown> }[] } }>(agent, SESSIONS, { c: client.id });
    expect(sessions.errors).toBeUndefined();
    expect(sessions.data!.sessions.edges.map((e) => e.node)).toEqual([
      { id: held.id, status: 'COMPLETED', startsAt: held.startsAt.toISOString(), agenda: null, cancelReason: null, checkIn: null, note: null },
      { id: cancelled.id, status: 'CANCELLED', startsAt: cancelled.startsAt.toISOString(), agenda: null, cancelReason: null, checkIn: null, note: null },
    ]);
    // The trail records the check-ins a reader was shown, so it does not tell the client the new therapist read theirs.
    const checkInReads = (actorId: string) => t.dataSource.getRepository(AuditEventEntity).countBy({ action: 'check_in.read', actorId, subjectUserId: client.id });
    expect(await checkInReads(later.id)).toBe(0);
    const own = await gql<{ sessions: { edges: { node: { checkIn: { overall: number } | null } }[] } }>(await signedIn(t, client), SESSIONS, { c: null });
    expect(own.data!.sessions.edges.map((e) => e.node.checkIn)).toEqual([{ overall: 3, comment: 'I felt rushed' }, null]);
    expect(await checkInReads(client.id)).toBe(1);
    const reads = async (query: string, path: string) => {
      const result = await gql<Record<string, unknown>>(agent, query, { c: client.id });
      expect(result.errors).toBeUndefined();
      return result.data![path];
    };
    expect(await reads('query($c: ID) { checkIns(clientId: $c) { edges { node { id } } } }', 'checkIns')).toEqual({ edges: [] });
    expect(await reads('query($c: ID) { reflections(clientId: $c) { edges { node { id } } } }', 'reflections')).toEqual({ edges: [] });
    expect(await reads('query($c: ID) { practicePrompts(clientId: $c) { id } }', 'practicePrompts')).toEqual([]);
    const entry = await gql<{ caseload: { edges: { node: { alliance: { trend: unknown[]; latest: unknown }; unreadSharedReflections: number; lastSession: { id: string } } }[] } }>(
      agent,
      '{ caseload { edges { node { unreadSharedReflections lastSession { id } alliance { trend { overall } latest { id } } } } } }',
    );
    // The last session met is a date the new therapist may see; the alliance was with someone else.
    expect(entry.data!.caseload.edges[0]!.node).toEqual({ unreadSharedReflections: 0, lastSession: { id: held.id }, alliance: { trend: [], latest: null } });
  });

  it('closes everything to the earlier therapist, and leaves the client all of it', async () => {
    const { earlier, client, held, shared } = await handedOver();
    const before = await signedIn(t, earlier);
    expect((await gql(before, 'query($id: ID!) { session(id: $id) { id } }', { id: held.id })).errors![0]!.extensions.code).toBe('NOT_FOUND');
    expect((await gql(before, 'query($id: ID!) { reflection(id: $id) { body } }', { id: shared.id })).errors![0]!.extensions.code).toBe('NOT_FOUND');
    // Each refusal is on the record, naming who tried and what.
    const refusals = await t.dataSource.getRepository(AuditEventEntity).findBy({ action: 'access.refused', actorId: earlier.id });
    expect(refusals.map((row) => row.targetType).sort()).toEqual(['reflection', 'session']);

    const own = await signedIn(t, client);
    const sessions = await gql<{ sessions: { edges: { node: { agenda: string | null; cancelReason: string | null; checkIn: { comment: string } | null } }[] } }>(own, SESSIONS, { c: null });
    expect(sessions.data!.sessions.edges.map((e) => [e.node.agenda, e.node.cancelReason, e.node.checkIn?.comment ?? null])).toEqual([
      ['my sister', null, 'I felt rushed'],
      [null, 'I was unwell', null],
    ]);
    // The response still says who wrote it, though that therapist is no longer theirs.
    const reflection = await gql<{ reflection: { body: string; responses: { body: string; author: { displayName: string } }[] } }>(
      own,
      'query($id: ID!) { reflection(id: $id) { body responses { body author { displayName } } } }',
      { id: shared.id },
    );
    expect(reflection.data!.reflection).toEqual({ body: 'a hard week', responses: [{ body: 'thank you for writing this', author: { displayName: earlier.displayName } }] });
  });

  it('lets the client share an old reflection with the new therapist, without the earlier therapist’s responses', async () => {
    const { later, client, shared } = await handedOver();
    const own = await signedIn(t, client);
    await gql(own, 'mutation($id: ID!) { unshareReflection(id: $id) { id } }', { id: shared.id });
    const reshared = await gql(own, 'mutation($id: ID!) { shareReflection(id: $id) { shared } }', { id: shared.id });
    expect(reshared.data).toEqual({ shareReflection: { shared: true } });
    const read = await gql(await signedIn(t, later), 'query($id: ID!) { reflection(id: $id) { body responses { body } } }', { id: shared.id });
    expect(read.data).toEqual({ reflection: { body: 'a hard week', responses: [] } });
  });
});

describe('an API token on nested paths', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives a caseload:read token the caseload figures and refuses every path to notes, agendas and comments', async () => {
    const ds = t.dataSource;
    const therapist = await newPerson(ds, 'THERAPIST');
    const client = await newPerson(ds, 'CLIENT');
    await newCare(ds, therapist, client);
    const held = await newSession(ds, therapist, client, { hoursFromNow: -3, status: 'COMPLETED', agenda: 'work' });
    await newCheckIn(ds, held, { overall: 4, comment: 'I felt unheard' });
    await ds.getRepository(SessionNoteEntity).insert({ sessionId: held.id, authorId: therapist.id, body: 'signed private note', signedAt: new Date() });
    const bearer = { authorization: `Bearer ${await newApiToken(ds, therapist, ['caseload:read'])}` };

    const figures = await gql<{ caseload: { edges: { node: { client: { displayName: string }; lastSession: { status: string }; alliance: { latest: { overall: number } }; flags: { kind: string }[] } }[] } }>(
      t.http,
      '{ caseload { edges { node { client { displayName } lastSession { status } alliance { latest { overall } } flags { kind } } } } }',
      {},
      bearer,
    );
    expect(figures.errors).toBeUndefined();
    expect(figures.data!.caseload.edges[0]!.node).toMatchObject({ client: { displayName: client.displayName }, lastSession: { status: 'COMPLETED' }, alliance: { latest: { overall: 4 } } });

    const paths = [
      ['{ caseload(first: 100) { edges { node { lastSession { note { body } checkIn { comment } } } } } }', 'Session.note'],
      ['{ caseload { edges { node { lastSession { note { addenda { body } } } } } } }', 'Session.note'],
      ['{ caseload { edges { node { lastSession { agenda } } } } }', 'Session.agenda'],
      ['{ caseload { edges { node { alliance { latest { comment } } } } } }', 'CheckIn.comment'],
      ['query($id: ID!) { client(id: $id) { relationship { lastSession { checkIn { comment } } } } }', 'CheckIn.comment'],
      // Fragments and aliases are the same paths under other names.
      ['{ caseload { edges { node { lastSession { ...S } } } } } fragment S on Session { n: note { body } }', 'Session.note'],
      ['{ caseload { edges { node { lastSession { ... on Session { cancelReason } } } } } }', 'Session.cancelReason'],
    ] as const;
    for (const [document, field] of paths) {
      const refused = await gql(t.http, document, { id: client.id }, bearer);
      expect(refused.status).toBe(403);
      expect(refused.data).toBeUndefined();
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_SCOPE', field });
      // The refusal names the field and the scope, never what the field holds.
      expect(JSON.stringify(refused.errors)).not.toMatch(/private note|felt unheard|work/);
    }
    // Refused before anything ran: no note was read.
    expect(await ds.getRepository(AuditEventEntity).countBy({ action: 'session_note.read', actorId: therapist.id })).toBe(0);
  });

  it('gives a client token with sessions:read their sessions but not their check-ins', async () => {
    const ds = t.dataSource;
    const therapist = await newPerson(ds, 'THERAPIST');
    const client = await newPerson(ds, 'CLIENT');
    await newCare(ds, therapist, client);
    await newCheckIn(ds, await newSession(ds, therapist, client, { hoursFromNow: -3, status: 'COMPLETED' }), { comment: 'mine' });
    const bearer = { authorization: `Bearer ${await newApiToken(ds, client, ['sessions:read'])}` };
    const sessions = await gql(t.http, '{ sessions { edges { node { status agenda } } } }', {}, bearer);
    expect(sessions.errors).toBeUndefined();
    const refused = await gql(t.http, '{ sessions { edges { node { checkIn { overall comment } } } } }', {}, bearer);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_SCOPE', field: 'Session.checkIn', scopes: ['checkins:read', 'caseload:read'] });
  });
});
