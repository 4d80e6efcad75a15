import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { CareRelationshipEntity } from '../../src/modules/care/care-relationship.entity';
import { CheckInEntity } from '../../src/modules/checkins/check-in.entity';
import { ReflectionEntity } from '../../src/modules/reflections/reflection.entity';
import { TherapySessionEntity } from '../../src/modules/sessions/therapy-session.entity';
import { newPerson, signedIn } from '../auth';
import { newCare, newCheckIn, newReflection, newRelationship, newSession } from '../factories/clinical.factory';
import { gql, startTestApp, type TestApp } from '../harness';

const HOUR = 3_600_000;
const iso = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();

describe('the clinical core', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('sessions', () => {
    const SCHEDULE = 'mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id status startsAt client { displayName } } }';

    it('lets a therapist schedule with a client in their care, and refuses double-booking with CONFLICT', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const other = await newPerson(t.dataSource, 'CLIENT');
      await newCare(t.dataSource, therapist, other);
      const agent = await signedIn(t, therapist);
      const [startsAt, endsAt] = [iso(48), iso(49)];
      const first = await gql<{ scheduleSession: { status: string } }>(agent, SCHEDULE, { i: { clientId: client.id, startsAt, endsAt, modality: 'VIDEO' } });
      expect(first.data!.scheduleSession.status).toBe('SCHEDULED');
      const clash = await gql(agent, SCHEDULE, { i: { clientId: other.id, startsAt: iso(48.5), endsAt: iso(49.5), modality: 'IN_PERSON' } });
      // The clashing session's times come apart from the words, for a reader to say in their own time zone.
      expect(clash.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SESSION_OVERLAP', clashesWith: 'THERAPIST', startsAt, endsAt });
      expect(clash.errors![0]!.message).toMatch(/You already have a session/);
      expect(await t.dataSource.getRepository(TherapySessionEntity).countBy({ therapistId: therapist.id })).toBe(1);
    });

    it('refuses scheduling for someone not in your care, and bad times with field paths', async () => {
      const { therapist } = await newRelationship(t.dataSource);
      const stranger = await newPerson(t.dataSource, 'CLIENT');
      const agent = await signedIn(t, therapist);
      expect((await gql(agent, SCHEDULE, { i: { clientId: stranger.id, startsAt: iso(5), endsAt: iso(6), modality: 'VIDEO' } })).errors![0]!.extensions.code).toBe('NOT_FOUND');
      const backwards = await gql(agent, SCHEDULE, { i: { clientId: stranger.id, startsAt: iso(6), endsAt: iso(5), modality: 'VIDEO' } });
      expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['endsAt'] }] });
    });

    it('moves a session through its life: reschedule, complete only after it starts, cancel with a reason', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const upcoming = await newSession(t.dataSource, therapist, client, { hoursFromNow: 30 });
      const past = await newSession(t.dataSource, therapist, client, { hoursFromNow: -2 });
      const agent = await signedIn(t, therapist);
      const moved = await gql<{ rescheduleSession: { startsAt: string } }>(agent, 'mutation($id: ID!, $s: String!, $e: String!) { rescheduleSession(id: $id, startsAt: $s, endsAt: $e) { startsAt } }', { id: upcoming.id, s: iso(50), e: iso(51) });
      expect(new Date(moved.data!.rescheduleSession.startsAt).getTime()).toBeCloseTo(Date.parse(iso(50)), -4);
      expect((await gql(agent, 'mutation($id: ID!) { completeSession(id: $id) { id } }', { id: upcoming.id })).errors![0]!.extensions.code).toBe('CONFLICT');
      expect((await gql(agent, 'mutation($id: ID!) { completeSession(id: $id) { status } }', { id: past.id })).data).toEqual({ completeSession: { status: 'COMPLETED' } });
      const asClient = await signedIn(t, client);
      const cancelled = await gql(asClient, 'mutation($id: ID!) { cancelSession(id: $id, reason: "I have a fever") { status cancelReason } }', { id: upcoming.id });
      expect(cancelled.data).toEqual({ cancelSession: { status: 'CANCELLED', cancelReason: 'I have a fever' } });
    });

    it('keeps the private note for its author only, locks it when signed, and takes dated addenda', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const session = await newSession(t.dataSource, therapist, client, { hoursFromNow: -3, status: 'COMPLETED' });
      const agent = await signedIn(t, therapist);
      await gql(agent, 'mutation($s: ID!) { writeSessionNote(sessionId: $s, body: "Explored the pattern of over-commitment.") { id } }', { s: session.id });
      const READ = 'query($id: ID!) { session(id: $id) { note { body signedAt addenda { body } } } }';
      expect((await gql<{ session: { note: { body: string } } }>(agent, READ, { id: session.id })).data!.session.note.body).toBe('Explored the pattern of over-commitment.');
      await gql(agent, 'mutation($s: ID!) { signSessionNote(sessionId: $s) { id } }', { s: session.id });
      const locked = await gql(agent, 'mutation($s: ID!) { writeSessionNote(sessionId: $s, body: "changed") { id } }', { s: session.id });
      expect(locked.errors![0]!.extensions.code).toBe('CONFLICT');
      await gql(agent, 'mutation($s: ID!) { addSessionNoteAddendum(sessionId: $s, body: "Client called to add context.") { id } }', { s: session.id });
      const note = (await gql<{ session: { note: { signedAt: string; addenda: { body: string }[] } } }>(agent, READ, { id: session.id })).data!.session.note;
      expect(note.signedAt).toBeTruthy();
      expect(note.addenda).toEqual([{ body: 'Client called to add context.' }]);

      // The client sees the session but never the note.
      const asClient = await signedIn(t, client);
      expect((await gql(asClient, READ, { id: session.id })).data).toEqual({ session: { note: null } });
      // A new therapist taking over sees the session history, not the previous therapist's note.
      const successor = await newPerson(t.dataSource, 'THERAPIST');
      await t.dataSource.getRepository(CareRelationshipEntity).update({ clientId: client.id }, { endedAt: new Date() });
      await newCare(t.dataSource, successor, client);
      expect((await gql(await signedIn(t, successor), READ, { id: session.id })).data).toEqual({ session: { note: null } });
    });

    it('lets a client set the agenda of an upcoming session, which their therapist reads', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const session = await newSession(t.dataSource, therapist, client, { hoursFromNow: 20 });
      await gql(await signedIn(t, client), 'mutation($s: ID!) { setSessionAgenda(sessionId: $s, agenda: "My sister, again") { id } }', { s: session.id });
      const seen = await gql<{ session: { agenda: string } }>(await signedIn(t, therapist), 'query($id: ID!) { session(id: $id) { agenda } }', { id: session.id });
      expect(seen.data!.session.agenda).toBe('My sister, again');
    });

    it('gives the caseload and the client record whole sessions, field for field as `session` gives them', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const next = await newSession(t.dataSource, therapist, client, { hoursFromNow: 30, joinDetails: 'Room 2, second floor', agenda: 'Work, and sleep' });
      const last = await newSession(t.dataSource, therapist, client, { hoursFromNow: -50, status: 'COMPLETED', modality: 'IN_PERSON' });
      const asTherapist = await signedIn(t, therapist);
      const FIELDS = 'id startsAt endsAt modality status joinDetails cancelReason agenda client { id displayName } therapist { id displayName }';
      const one = async (id: string) => (await gql<{ session: unknown }>(asTherapist, `query($id: ID!) { session(id: $id) { ${FIELDS} } }`, { id })).data!.session;
      const expected = { nextSession: await one(next.id), lastSession: await one(last.id) };
      expect(expected.nextSession).toMatchObject({ joinDetails: 'Room 2, second floor', agenda: 'Work, and sleep', status: 'SCHEDULED' });
      const AT_A_GLANCE = `nextSession { ${FIELDS} } lastSession { ${FIELDS} }`;
      // By name the statement brings the sessions itself; another order reads the page's sessions by id.
      for (const sort of ['NAME', 'NEXT_SESSION']) {
        const caseload = await gql<{ caseload: { edges: { node: unknown }[] } }>(asTherapist, `query($s: CaseloadSort) { caseload(sort: $s) { edges { node { ${AT_A_GLANCE} } } } }`, { s: sort });
        expect(caseload.data!.caseload.edges[0]!.node).toEqual(expected);
      }
      const record = await gql<{ client: { relationship: unknown } }>(asTherapist, `query($id: ID!) { client(id: $id) { relationship { ${AT_A_GLANCE} } } }`, { id: client.id });
      expect(record.data!.client.relationship).toEqual(expected);
    });
  });

  describe('reflections', () => {
    it('are private by default, shared by choice, and hidden again when un-shared (responses stay with the client)', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const asClient = await signedIn(t, client);
      const written = await gql<{ writeReflection: { id: string; shared: boolean } }>(asClient, 'mutation { writeReflection(input: { body: "Felt tight in my chest at work.", mood: 2 }) { id shared } }');
      const id = written.data!.writeReflection.id;
      expect(written.data!.writeReflection.shared).toBe(false);
      const asTherapist = await signedIn(t, therapist);
      const READ = 'query($id: ID!) { reflection(id: $id) { body responses { body } } }';
      expect((await gql(asTherapist, READ, { id })).errors![0]!.extensions.code).toBe('NOT_FOUND');
      const RESPOND = 'mutation($id: ID!) { respondToReflection(id: $id, body: "Thank you for writing this.") { id } }';
      expect((await gql(asTherapist, RESPOND, { id })).errors![0]!.extensions.code).toBe('NOT_FOUND');

      await gql(asClient, 'mutation($id: ID!) { shareReflection(id: $id) { shared } }', { id });
      expect((await gql<{ reflection: { body: string } }>(asTherapist, READ, { id })).data!.reflection.body).toBe('Felt tight in my chest at work.');
      expect((await gql(asTherapist, RESPOND, { id })).errors).toBeUndefined();

      await gql(asClient, 'mutation($id: ID!) { unshareReflection(id: $id) { shared } }', { id });
      expect((await gql(asTherapist, READ, { id })).errors![0]!.extensions.code).toBe('NOT_FOUND');
      const list = await gql<{ reflections: { edges: unknown[] } }>(asTherapist, '{ reflections { edges { node { id } } } }');
      expect(list.data!.reflections.edges).toHaveLength(0);
      expect((await gql(asClient, READ, { id })).data).toEqual({ reflection: { body: 'Felt tight in my chest at work.', responses: [{ body: 'Thank you for writing this.' }] } });
    });

    it('marks a shared reflection read when the therapist opens it', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const reflection = await newReflection(t.dataSource, client, { sharedWithId: therapist.id, sharedAt: new Date() });
      await gql(await signedIn(t, therapist), 'query($id: ID!) { reflection(id: $id) { id } }', { id: reflection.id });
      expect((await t.dataSource.getRepository(ReflectionEntity).findOneByOrFail({ id: reflection.id })).readByTherapistAt).toBeTruthy();
    });

    it('keeps a draft until the reflection is written', async () => {
      const { client } = await newRelationship(t.dataSource);
      const agent = await signedIn(t, client);
      await gql(agent, 'mutation { saveReflectionDraft(body: "Half a thought", mood: 3) { updatedAt } }');
      expect((await gql(agent, '{ reflectionDraft { body mood } }')).data).toEqual({ reflectionDraft: { body: 'Half a thought', mood: 3 } });
      await gql(agent, 'mutation { writeReflection(input: { body: "Half a thought, finished." }) { id } }');
      expect((await gql(agent, '{ reflectionDraft { body } }')).data).toEqual({ reflectionDraft: null });
    });

    it('refuses bad input and changes nothing', async () => {
      const { client } = await newRelationship(t.dataSource);
      const agent = await signedIn(t, client);
      const before = await t.dataSource.getRepository(ReflectionEntity).countBy({ clientId: client.id });
      for (const input of [{ body: '' }, { body: 'x'.repeat(10_001) }, { body: 'ok', mood: 9 }, { body: 'bidi \u202E trick' }]) {
        const result = await gql(agent, 'mutation($i: WriteReflectionInput!) { writeReflection(input: $i) { id } }', { i: input });
        expect(result.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      }
      expect(await t.dataSource.getRepository(ReflectionEntity).countBy({ clientId: client.id })).toBe(before);
    });
  });

  describe('check-ins', () => {
    const SUBMIT = 'mutation($i: SubmitCheckInInput!) { submitCheckIn(input: $i) { id concernReasons } }';

    it('are for a completed session of your own, once, with whole scores from 0 to 10', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const done = await newSession(t.dataSource, therapist, client, { hoursFromNow: -5, status: 'COMPLETED' });
      const upcoming = await newSession(t.dataSource, therapist, client, { hoursFromNow: 5 });
      const agent = await signedIn(t, client);
      const scores = { bond: 8, goals: 7, approach: 8, overall: 8 };
      expect((await gql(agent, SUBMIT, { i: { sessionId: upcoming.id, ...scores } })).errors![0]!.extensions.code).toBe('CONFLICT');
      expect((await gql(agent, SUBMIT, { i: { sessionId: done.id, ...scores, bond: 11 } })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect((await gql(agent, SUBMIT, { i: { sessionId: done.id, ...scores } })).errors).toBeUndefined();
      expect((await gql(agent, SUBMIT, { i: { sessionId: done.id, ...scores } })).errors![0]!.extensions.code).toBe('CONFLICT');
      const someoneElse = await signedIn(t, await newPerson(t.dataSource, 'CLIENT'));
      expect((await gql(someoneElse, SUBMIT, { i: { sessionId: done.id, ...scores } })).errors![0]!.extensions.code).toBe('NOT_FOUND');
      expect(await t.dataSource.getRepository(CheckInEntity).countBy({ sessionId: done.id })).toBe(1);
    });

    it('closes the repair loop: a low check-in flags the caseload until acknowledged, and the client sees it was read', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const earlier = await newSession(t.dataSource, therapist, client, { hoursFromNow: -200, status: 'COMPLETED' });
      await newCheckIn(t.dataSource, earlier, { overall: 9 });
      const recent = await newSession(t.dataSource, therapist, client, { hoursFromNow: -3, status: 'COMPLETED' });
      const asClient = await signedIn(t, client);
      const submitted = await gql<{ submitCheckIn: { id: string; concernReasons: string[] } }>(asClient, SUBMIT, { i: { sessionId: recent.id, bond: 7, goals: 7, approach: 7, overall: 6, comment: 'It felt rushed' } });
      expect(submitted.data!.submitCheckIn.concernReasons.join(' ')).toMatch(/fell to 6/);

      const asTherapist = await signedIn(t, therapist);
      const CASELOAD = '{ caseload { edges { node { client { id } flags { kind reason checkInId } alliance { direction trend { overall } } } } } }';
      type Caseload = { caseload: { edges: { node: { flags: { kind: string; reason: string; checkInId: string }[]; alliance: { trend: { overall: number }[] } } }[] } };
      const before = (await gql<Caseload>(asTherapist, CASELOAD)).data!.caseload.edges[0]!.node;
      expect(before.flags.map((flag) => flag.kind)).toEqual(expect.arrayContaining(['ALLIANCE', 'COMMENT_WAITING']));
      expect(before.alliance.trend.map((point) => point.overall)).toEqual([9, 6]);
      // The caseload's latest check-in is the whole check-in, field for field as the check-in list gives it.
      const FIELDS = 'id sessionId bond goals approach overall comment concernReasons acknowledgedAt createdAt acknowledgement';
      const latest = await gql<{ caseload: { edges: { node: { alliance: { latest: unknown } } }[] } }>(asTherapist, `{ caseload { edges { node { alliance { latest { ${FIELDS} } } } } } }`);
      const listed = await gql<{ checkIns: { edges: { node: unknown }[] } }>(asTherapist, `query($c: ID) { checkIns(clientId: $c, first: 1) { edges { node { ${FIELDS} } } } }`, { c: client.id });
      expect(latest.data!.caseload.edges[0]!.node.alliance.latest).toEqual(listed.data!.checkIns.edges[0]!.node);
      expect(latest.data!.caseload.edges[0]!.node.alliance.latest).toMatchObject({ id: submitted.data!.submitCheckIn.id, sessionId: recent.id, comment: 'It felt rushed' });
      await gql(asTherapist, 'mutation($id: ID!) { acknowledgeCheckIn(id: $id) { acknowledgedAt } }', { id: submitted.data!.submitCheckIn.id });
      const after = (await gql<Caseload>(asTherapist, CASELOAD)).data!.caseload.edges[0]!.node;
      expect(after.flags.map((flag) => flag.kind)).not.toContain('ALLIANCE');

      const seen = await gql<{ checkIns: { edges: { node: { acknowledgement: string } }[] } }>(asClient, '{ checkIns { edges { node { acknowledgement } } } }');
      expect(seen.data!.checkIns.edges[0]!.node.acknowledgement).toBe(`${therapist.displayName} read your check-in and would like to talk about it next time.`);
    });

    it('are never shown to an admin', async () => {
      const { client } = await newRelationship(t.dataSource);
      const admin = await signedIn(t, await newPerson(t.dataSource, 'ADMIN'));
      expect((await gql(admin, 'query($c: ID) { checkIns(clientId: $c) { edges { node { id } } } }', { c: client.id })).errors![0]!.extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('calendar', () => {
    it('gives a client their upcoming sessions as iCalendar, with nothing clinical in it', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      await newSession(t.dataSource, therapist, client, { hoursFromNow: 26, agenda: 'something private' });
      await newSession(t.dataSource, therapist, client, { hoursFromNow: -26, status: 'COMPLETED' });
      const agent = await signedIn(t, client);
      const res = await agent.get('/calendar/sessions.ics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/calendar/);
      expect(res.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(res.text).not.toContain(therapist.displayName);
      expect(res.text).not.toContain('something private');
      expect((await t.http.get('/calendar/sessions.ics')).status).toBe(401);
    });
  });

  describe('care relationships', () => {
    it('a therapist whose relationship ended loses access; a hand-over keeps the history with the client', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const session = await newSession(t.dataSource, therapist, client, { hoursFromNow: -30, status: 'COMPLETED' });
      const successor = await newPerson(t.dataSource, 'THERAPIST');
      const admin = await signedIn(t, await newPerson(t.dataSource, 'ADMIN'));
      const asOld = await signedIn(t, therapist);
      const READ = 'query($id: ID!) { session(id: $id) { id } }';
      expect((await gql(asOld, READ, { id: session.id })).errors).toBeUndefined();
      expect((await gql(admin, 'mutation($c: ID!, $t: ID!) { assignClient(clientId: $c, therapistId: $t) }', { c: client.id, t: successor.id })).data).toEqual({ assignClient: true });
      expect((await gql(asOld, READ, { id: session.id })).errors![0]!.extensions.code).toBe('NOT_FOUND');
      expect((await gql(await signedIn(t, successor), READ, { id: session.id })).errors).toBeUndefined();
      const relationships = await t.dataSource.getRepository(CareRelationshipEntity).findBy({ clientId: client.id });
      expect(relationships.filter((row) => row.endedAt === null).map((row) => row.therapistId)).toEqual([successor.id]);
      const audit = await t.dataSource.getRepository(AuditEventEntity).findOneBy({ action: 'care.handed_over', subjectUserId: client.id });
      expect(audit?.metadata).toMatchObject({ fromTherapistId: therapist.id, toTherapistId: successor.id });
    });
  });

  describe('audit', () => {
    it('records clinical reads and writes with who, what, which record and the request id, never the text', async () => {
      const { therapist, client } = await newRelationship(t.dataSource);
      const reflection = await newReflection(t.dataSource, client, { body: 'a very private sentence', sharedWithId: therapist.id, sharedAt: new Date() });
      await gql(await signedIn(t, therapist), 'query($id: ID!) { reflection(id: $id) { body } }', { id: reflection.id });
      const entry = await t.dataSource.getRepository(AuditEventEntity).findOneByOrFail({ action: 'reflection.read', targetId: reflection.id });
      expect(entry).toMatchObject({ actorId: therapist.id, actorRole: 'THERAPIST', subjectUserId: client.id, targetType: 'reflection' });
      expect(entry.requestId).toBeTruthy();
      const everything = JSON.stringify(await t.dataSource.getRepository(AuditEventEntity).find());
      expect(everything).not.toContain('a very private sentence');
    });
  });
});
