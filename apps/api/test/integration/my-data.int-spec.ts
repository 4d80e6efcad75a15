import { randomUUID } from 'node:crypto';
import type { MyDataExport } from '@attune/domain';
import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { CheckInEntity } from '../../src/modules/checkins/check-in.entity';
import { SharedArticleEntity } from '../../src/modules/content/shared-article.entity';
import { EXPORT_FORMAT, PRIVATE_NOTES_STATEMENT } from '../../src/modules/my-data/my-data-export.service';
import { purgeExpiredRecords } from '../../src/modules/my-data/retention-purge';
import { PracticePromptEntity, ReflectionDraftEntity, ReflectionEntity, ReflectionResponseEntity } from '../../src/modules/reflections/reflection.entity';
import { SessionNoteEntity } from '../../src/modules/sessions/session-note.entity';
import { TherapySessionEntity } from '../../src/modules/sessions/therapy-session.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { newApiToken, newPerson, signedIn } from '../auth';
import { newArticle } from '../factories/article.factory';
import { newCare, newCheckIn, newReflection, newSession } from '../factories/clinical.factory';
import { FACTORY_PASSWORD } from '../factories/user.factory';
import { gql, startTestApp, type TestApp } from '../harness';

const EXPORT = '{ exportMyData }';
const CLOSE = 'mutation($password: String!) { closeMyAccount(password: $password) }';
const YEAR = 365.25 * 86_400_000;

/** A client with a therapist and a little of everything: words of their own, words to them, and a private note about them. */
async function clientWithHistory(t: TestApp) {
  const marker = randomUUID().slice(0, 8);
  const therapist = await newPerson(t.dataSource, 'THERAPIST');
  const client = await newPerson(t.dataSource, 'CLIENT');
  await newCare(t.dataSource, therapist, client);
  const past = await newSession(t.dataSource, therapist, client, { hoursFromNow: -48, status: 'COMPLETED', agenda: `agenda ${marker}` });
  const upcoming = await newSession(t.dataSource, therapist, client, { hoursFromNow: 72 });
  const note = await t.dataSource.getRepository(SessionNoteEntity).save({ sessionId: past.id, authorId: therapist.id, body: `private note ${marker} the therapist keeps` });
  const privateReflection = await newReflection(t.dataSource, client, { body: `private reflection ${marker}` });
  const shared = await newReflection(t.dataSource, client, { body: `shared reflection ${marker}`, sharedWithId: therapist.id, sharedAt: new Date() });
  await t.dataSource.getRepository(ReflectionResponseEntity).save({ reflectionId: shared.id, therapistId: therapist.id, body: `response ${marker}` });
  await t.dataSource.getRepository(ReflectionDraftEntity).save({ clientId: client.id, body: `draft ${marker}`, mood: 2 });
  await newCheckIn(t.dataSource, past, { comment: `check-in comment ${marker}` });
  await t.dataSource.getRepository(PracticePromptEntity).save({ clientId: client.id, therapistId: therapist.id, body: `practice prompt ${marker}` });
  const article = await newArticle(t.dataSource, therapist.id);
  await t.dataSource.getRepository(SharedArticleEntity).save({ articleId: article.id, therapistId: therapist.id, clientId: client.id, note: `article note ${marker}` });
  return { marker, therapist, client, past, upcoming, note, privateReflection, shared };
}

describe("a client's own data", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('exports everything the client wrote and was sent, and none of the private notes', async () => {
    const world = await clientWithHistory(t);
    await t.dataSource.query(
      `INSERT INTO measure_responses (client_id, therapist_id, kind, answers, total, band, safety_concern) VALUES ($1, $2, 'GAD7', '{1,1,1,0,0,0,0}', 3, 'MINIMAL', false)`,
      [world.client.id, world.therapist.id],
    );
    const asClient = await signedIn(t, world.client);
    const result = await gql<{ exportMyData: MyDataExport }>(asClient, EXPORT);
    expect(result.errors).toBeUndefined();
    const data = result.data!.exportMyData;
    const text = JSON.stringify(data);

    expect(data.format).toBe(EXPORT_FORMAT);
    expect(Date.parse(data.exportedAt)).not.toBeNaN();
    expect(data.privateNotes).toBe(PRIVATE_NOTES_STATEMENT);
    expect(data.profile).toMatchObject({ id: world.client.id, email: world.client.email, displayName: world.client.displayName });
    for (const words of ['agenda', 'private reflection', 'shared reflection', 'response', 'draft', 'check-in comment', 'practice prompt', 'article note']) {
      expect(text).toContain(`${words} ${world.marker}`);
    }
    expect(text).not.toContain(world.note.body);
    expect(text).not.toContain('private note');
    expect(data.sessions).toHaveLength(2);
    expect(data.measures).toEqual([expect.objectContaining({ kind: 'GAD7', answers: [1, 1, 1, 0, 0, 0, 0], total: 3, band: 'MINIMAL' })]);
    expect(data.reflections.find((r) => r.sharedWith === world.therapist.displayName)!.responses).toHaveLength(1);

    const audit = await t.dataSource.getRepository(AuditEventEntity).findOneByOrFail({ action: 'account.data_exported', subjectUserId: world.client.id });
    expect(audit.actorId).toBe(world.client.id);
    expect(JSON.stringify(audit.metadata)).not.toContain(world.marker);
  });

  it('refuses therapists, admins, anonymous callers and API tokens', async () => {
    const world = await clientWithHistory(t);
    const admin = await newPerson(t.dataSource, 'ADMIN');
    for (const [caller, code] of [
      [await signedIn(t, world.therapist), 'FORBIDDEN'],
      [await signedIn(t, admin), 'FORBIDDEN'],
      [t.http, 'UNAUTHENTICATED'],
    ] as const) {
      const result = await gql(caller, EXPORT);
      expect(result.errors?.[0]?.extensions.code).toBe(code);
      expect(result.data?.exportMyData ?? null).toBeNull();
    }
    const token = await newApiToken(t.dataSource, world.client, ['account:read', 'sessions:read', 'reflections:read', 'checkins:read']);
    const byToken = await gql(t.http, EXPORT, {}, { authorization: `Bearer ${token}` });
    expect(byToken.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('with a wrong password, changes nothing', async () => {
    const world = await clientWithHistory(t);
    const asClient = await signedIn(t, world.client);
    const result = await gql(asClient, CLOSE, { password: 'not my password at all' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['password'] }] });
    const user = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: world.client.id });
    expect(user.closedAt).toBeNull();
    expect(user.deactivatedAt).toBeNull();
    expect(await t.dataSource.getRepository(ReflectionEntity).countBy({ clientId: world.client.id })).toBe(2);
    expect(await t.dataSource.getRepository(ReflectionDraftEntity).countBy({ clientId: world.client.id })).toBe(1);
    expect((await gql(asClient, '{ me { id } }')).data).toEqual({ me: { id: world.client.id } });
  });

  it('closing ends sign-ins and tokens, deletes private words at once, keeps the clinical record, and the therapist sees it', async () => {
    const world = await clientWithHistory(t);
    const asClient = await signedIn(t, world.client);
    const token = await newApiToken(t.dataSource, world.client, ['account:read']);

    const closed = await gql(asClient, CLOSE, { password: FACTORY_PASSWORD });
    expect(closed.errors).toBeUndefined();
    expect(closed.data).toEqual({ closeMyAccount: true });

    // Signed out everywhere, tokens ended, and signing in again is refused.
    expect((await gql(asClient, '{ me { id } }')).data).toEqual({ me: null });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL`, [world.client.id])).toEqual([{ n: 0 }]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [world.client.id])).toEqual([{ n: 0 }]);
    expect((await gql(t.http, '{ me { id } }', {}, { authorization: `Bearer ${token}` })).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    await expect(signedIn(t, world.client)).rejects.toThrow();

    // Private words gone; the clinical record kept.
    const reflections = await t.dataSource.getRepository(ReflectionEntity).findBy({ clientId: world.client.id });
    expect(reflections.map((r) => r.id)).toEqual([world.shared.id]);
    expect(await t.dataSource.getRepository(ReflectionDraftEntity).countBy({ clientId: world.client.id })).toBe(0);
    expect(await t.dataSource.getRepository(SessionNoteEntity).countBy({ id: world.note.id })).toBe(1);
    expect(await t.dataSource.getRepository(CheckInEntity).countBy({ clientId: world.client.id })).toBe(1);
    expect((await t.dataSource.getRepository(TherapySessionEntity).findOneByOrFail({ id: world.upcoming.id })).status).toBe('CANCELLED');
    const user = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: world.client.id });
    expect(user.closedAt).toBeInstanceOf(Date);
    expect(user.deactivatedAt).toBeInstanceOf(Date);

    const audit = await t.dataSource.getRepository(AuditEventEntity).findOneByOrFail({ action: 'account.closed', subjectUserId: world.client.id });
    expect(audit.metadata).toMatchObject({ privateReflectionsDeleted: 1, draftsDeleted: 1, upcomingSessionsCancelled: 1, tokensRevoked: 1 });

    // The therapist sees the closure with its date, in the caseload and on the record, and cannot schedule.
    const asTherapist = await signedIn(t, world.therapist);
    const caseload = await gql<{ caseload: { edges: { node: { client: { id: string }; accountClosedAt: string | null; flags: unknown[] } }[] } }>(
      asTherapist,
      '{ caseload(first: 50) { edges { node { client { id } accountClosedAt flags { kind } } } } }',
    );
    const entry = caseload.data!.caseload.edges.find((edge) => edge.node.client.id === world.client.id)!.node;
    expect(new Date(entry.accountClosedAt!).getTime()).toBe(user.closedAt!.getTime());
    expect(entry.flags).toEqual([]);
    const record = await gql<{ client: { relationship: { accountClosedAt: string } } }>(asTherapist, 'query($id: ID!) { client(id: $id) { relationship { accountClosedAt } } }', { id: world.client.id });
    expect(record.data!.client.relationship.accountClosedAt).toBeTruthy();
    const startsAt = new Date(Date.now() + 96 * 3_600_000);
    const scheduled = await gql(asTherapist, 'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
      input: { clientId: world.client.id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 50 * 60_000).toISOString(), modality: 'VIDEO' },
    });
    expect(scheduled.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const prompted = await gql(asTherapist, 'mutation($input: SetPracticePromptInput!) { setPracticePrompt(input: $input) { id } }', { input: { clientId: world.client.id, body: 'Notice one small good thing each day.' } });
    expect(prompted.errors?.[0]?.extensions.code).toBe('CONFLICT');
    // A response would go to someone who can never read it again.
    const responded = await gql(asTherapist, 'mutation($id: ID!, $body: String!) { respondToReflection(id: $id, body: $body) { id } }', { id: world.shared.id, body: 'Thank you for sharing this.' });
    expect(responded.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(await t.dataSource.getRepository(ReflectionResponseEntity).countBy({ reflectionId: world.shared.id })).toBe(1);
    expect(await t.dataSource.getRepository(PracticePromptEntity).countBy({ clientId: world.client.id })).toBe(1);
    expect(await t.dataSource.getRepository(TherapySessionEntity).countBy({ clientId: world.client.id })).toBe(2);
    // The shared reflection stays readable to the therapist for the retention period.
    const shared = await gql<{ reflection: { id: string } }>(asTherapist, 'query($id: ID!) { reflection(id: $id) { id } }', { id: world.shared.id });
    expect(shared.data?.reflection?.id).toBe(world.shared.id);
  });

  it('refuses therapists and admins their own closing, and an admin cannot reopen a closed account', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const result = await gql(await signedIn(t, therapist), CLOSE, { password: FACTORY_PASSWORD });
    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: therapist.id })).closedAt).toBeNull();

    const world = await clientWithHistory(t);
    expect((await gql(await signedIn(t, world.client), CLOSE, { password: FACTORY_PASSWORD })).errors).toBeUndefined();
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const reopened = await gql(await signedIn(t, admin), 'mutation($id: ID!) { reactivateUser(id: $id) }', { id: world.client.id });
    expect(reopened.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('the retention purge removes only records closed longer ago than the retention period', async () => {
    const expired = await clientWithHistory(t);
    const kept = await clientWithHistory(t);
    const open = await clientWithHistory(t);
    const users = t.dataSource.getRepository(UserEntity);
    const now = new Date();
    await users.update({ id: expired.client.id }, { closedAt: new Date(now.getTime() - 7.1 * YEAR), deactivatedAt: new Date(now.getTime() - 7.1 * YEAR) });
    await users.update({ id: kept.client.id }, { closedAt: new Date(now.getTime() - 6.9 * YEAR), deactivatedAt: new Date(now.getTime() - 6.9 * YEAR) });
    await newApiToken(t.dataSource, expired.client, ['account:read']);
    const [measure] = await t.dataSource.query(
      `INSERT INTO measure_responses (client_id, therapist_id, kind, answers, total, band, safety_concern) VALUES ($1, $2, 'PHQ9', '{0,0,0,0,0,0,0,0,1}', 1, 'MINIMAL', true) RETURNING id`,
      [expired.client.id, expired.therapist.id],
    );
    await t.dataSource.query(`INSERT INTO safety_flags (client_id, therapist_id, response_id) VALUES ($1, $2, $3)`, [expired.client.id, expired.therapist.id, measure.id]);
    await t.dataSource.query(`INSERT INTO measure_schedules (client_id, kind, schedule, set_by_id) VALUES ($1, 'PHQ9', 'EVERY_2_WEEKS', $2)`, [expired.client.id, expired.therapist.id]);

    const { purged } = await purgeExpiredRecords(t.dataSource, { retentionYears: 7, now });
    expect(purged).toBe(1);

    const left = async (clientId: string) =>
      (await t.dataSource.query(
        `SELECT (SELECT count(*) FROM users WHERE id = $1)::int AS users, (SELECT count(*) FROM therapy_sessions WHERE client_id = $1)::int AS sessions,
                (SELECT count(*) FROM reflections WHERE client_id = $1)::int AS reflections, (SELECT count(*) FROM check_ins WHERE client_id = $1)::int AS check_ins,
                (SELECT count(*) FROM care_relationships WHERE client_id = $1)::int AS care, (SELECT count(*) FROM api_tokens WHERE user_id = $1)::int AS tokens`,
        [clientId],
      ))[0];
    expect(await left(expired.client.id)).toEqual({ users: 0, sessions: 0, reflections: 0, check_ins: 0, care: 0, tokens: 0 });
    expect(await t.dataSource.getRepository(SessionNoteEntity).countBy({ id: expired.note.id })).toBe(0);
    expect(await t.dataSource.query(`SELECT (SELECT count(*) FROM measure_responses WHERE client_id = $1)::int + (SELECT count(*) FROM safety_flags WHERE client_id = $1)::int + (SELECT count(*) FROM measure_schedules WHERE client_id = $1)::int AS n`, [expired.client.id])).toEqual([{ n: 0 }]);
    for (const world of [kept, open]) {
      expect(await left(world.client.id)).toEqual({ users: 1, sessions: 2, reflections: 2, check_ins: 1, care: 1, tokens: 0 });
      expect(await t.dataSource.getRepository(SessionNoteEntity).countBy({ id: world.note.id })).toBe(1);
    }
    // The therapist and their other clients stay.
    expect(await users.countBy({ id: expired.therapist.id })).toBe(1);

    const audit = await t.dataSource.getRepository(AuditEventEntity).findOneByOrFail({ action: 'account.record_purged', targetId: expired.client.id });
    expect(audit.metadata).toMatchObject({ retentionYears: 7, sessions: 2, notes: 1, checkIns: 1, reflections: 2, responses: 1, prompts: 1, articlesSent: 1 });
    expect(JSON.stringify(audit.metadata)).not.toContain(expired.marker);
    // Run again: nothing more to purge.
    expect((await purgeExpiredRecords(t.dataSource, { retentionYears: 7, now })).purged).toBe(0);
  });

  it('two purges at once (two replicas) remove each record once, with one audit row each, and count only their own', async () => {
    const worlds = [await clientWithHistory(t), await clientWithHistory(t), await clientWithHistory(t)];
    const now = new Date();
    const closedAt = new Date(now.getTime() - 8 * YEAR);
    for (const world of worlds) await t.dataSource.getRepository(UserEntity).update({ id: world.client.id }, { closedAt, deactivatedAt: closedAt });

    const [a, b] = await Promise.all([purgeExpiredRecords(t.dataSource, { retentionYears: 7, now }), purgeExpiredRecords(t.dataSource, { retentionYears: 7, now })]);
    expect(a.purged + b.purged).toBe(worlds.length);
    for (const world of worlds) {
      expect(await t.dataSource.getRepository(UserEntity).countBy({ id: world.client.id })).toBe(0);
      expect(await t.dataSource.getRepository(AuditEventEntity).countBy({ action: 'account.record_purged', targetId: world.client.id })).toBe(1);
    }
  });
});
