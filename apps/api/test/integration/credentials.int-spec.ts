import argon2 from 'argon2';
import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { ApiTokenEntity } from '../../src/modules/identity/api-token.entity';
import { currentTotpStep, totpCodeAt } from '../../src/modules/identity/totp';
import { AfterResponse } from '../../src/common/background/after-response.service';
import { OutboxEmailEntity } from '../../src/modules/mail/outbox-email.entity';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson, SIGN_IN, signedIn, TEST_TOTP_SECRET, totpNow } from '../auth';
import { newCare } from '../factories/clinical.factory';
import { FACTORY_PASSWORD } from '../factories/user.factory';
import { browser, gql, startTestApp, type Http, type TestApp } from '../harness';

const NEW_PASSWORD = 'river stones under a slow moon';
const ME = '{ me { id } }';
const CREATE_TOKEN = 'mutation($i: CreateApiTokenInput!, $p: String) { createApiToken(input: $i, password: $p) { token apiToken { id expiresAt } } }';
type Created = { createApiToken: { token: string; apiToken: { id: string; expiresAt: string } } };

/** A code the authenticator shows for the next 30-second step: the one sign-in used is spent. */
const nextCode = (secret = TEST_TOTP_SECRET) => totpCodeAt(secret, currentTotpStep() + 1);

describe('credentials that end when they should', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function tokenFor(agent: Http, name = 'script') {
    const created = await gql<Created>(agent, CREATE_TOKEN, { i: { name, scopes: ['account:read'] } });
    if (created.errors) throw new Error(created.errors[0]!.message);
    return created.data!.createApiToken;
  }
  const works = async (token: string) => (await gql<{ me: { id: string } | null }>(t.http, ME, {}, { authorization: `Bearer ${token}` })).data?.me?.id ?? null;
  const auditActions = async (userId: string) =>
    (await t.dataSource.getRepository(AuditEventEntity).find({ where: { subjectUserId: userId }, order: { occurredAt: 'ASC' } })).map((event) => event.action);
  const makeStale = (userId: string) => t.dataSource.query(`UPDATE auth_sessions SET authenticated_at = now() - interval '11 minutes' WHERE user_id = $1`, [userId]);

  it('keeps existing tokens working until the password changes, then ends them with the sessions', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const agent = await signedIn(t, client);
    const first = await tokenFor(agent, 'first');
    const second = await tokenFor(agent, 'second');
    // Created before this change with no expiry: such tokens keep working too.
    const legacy = await tokenFor(agent, 'legacy');
    await t.dataSource.query('UPDATE api_tokens SET expires_at = NULL WHERE id = $1', [legacy.apiToken.id]);
    expect(await works(first.token)).toBe(client.id);
    expect(await works(legacy.token)).toBe(client.id);
    await gql(agent, 'mutation($id: ID!) { revokeApiToken(id: $id) }', { id: first.apiToken.id });
    expect(await works(second.token)).toBe(client.id);

    const changed = await gql(agent, 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: FACTORY_PASSWORD, n: NEW_PASSWORD });
    expect(changed.data).toEqual({ changePassword: true });
    expect(await works(second.token)).toBeNull();
    expect(await works(legacy.token)).toBeNull();
    const events = await t.dataSource.getRepository(AuditEventEntity).findOneByOrFail({ subjectUserId: client.id, action: 'account.password_changed' });
    expect(events.metadata).toMatchObject({ tokensRevoked: 2 });
  });

  it('ends tokens after a password reset', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const { token } = await tokenFor(await signedIn(t, client));
    await gql(t.http, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: client.email });
    // The reset email goes out after the answer, so known and unknown addresses answer alike.
    await t.app.get(AfterResponse).settled();
    const email = await t.dataSource.getRepository(OutboxEmailEntity).findOneOrFail({ where: { to: client.email }, order: { createdAt: 'DESC' } });
    const link = /#token=([A-Za-z0-9_-]+)/.exec(email.text)![1];
    expect(await works(token)).toBe(client.id);
    expect((await gql(t.http, 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', { t: link, p: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
    expect(await works(token)).toBeNull();
  });

  it('ends tokens when a client turns the second factor off', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT', { mfaEnabled: true, mfaSecret: TEST_TOTP_SECRET });
    const agent = await signedIn(t, client);
    const { token } = await tokenFor(agent);
    expect(await works(token)).toBe(client.id);
    const off = await gql(agent, 'mutation($p: String!, $c: String!) { disableMfa(password: $p, code: $c) }', { p: FACTORY_PASSWORD, c: await nextCode() });
    expect(off.errors).toBeUndefined();
    expect(await works(token)).toBeNull();
    expect(await auditActions(client.id)).toContain('account.mfa_disabled');
  });

  it('replaces the second factor only with the current code, and then ends tokens', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const agent = await signedIn(t, therapist);
    const { token } = await tokenFor(agent);
    const START = 'mutation($p: String, $c: String) { startMfaEnrollment(password: $p, code: $c) { secret } }';
    const noCode = await gql(agent, START, {});
    expect(noCode.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['code'] }] });
    const started = await gql<{ startMfaEnrollment: { secret: string } }>(agent, START, { c: await nextCode() });
    expect(started.errors).toBeUndefined();
    expect(await works(token)).toBe(therapist.id);
    const confirmed = await gql(agent, 'mutation($c: String!) { confirmMfaEnrollment(code: $c) }', { c: await totpNow(started.data!.startMfaEnrollment.secret) });
    expect(confirmed.errors).toBeUndefined();
    expect(await works(token)).toBeNull();
    expect(await auditActions(therapist.id)).toContain('account.mfa_replaced');
  });

  describe('recent sign-in', () => {
    it('asks for the password after ten minutes, accepts it, and counts a wrong one as a field problem', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const agent = await signedIn(t, client);
      await signedIn(t, client);
      await makeStale(client.id);
      const input = { i: { name: 'late', scopes: ['account:read'] } };
      for (const [document, variables] of [
        [CREATE_TOKEN, input],
        ['mutation { endOtherSessions }', {}],
        ['mutation($p: String) { startMfaEnrollment(password: $p) { secret } }', {}],
      ] as const) {
        const refused = await gql(agent, document, variables);
        expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RECENT_SIGN_IN_REQUIRED' });
      }
      expect(await t.dataSource.getRepository(ApiTokenEntity).countBy({ userId: client.id })).toBe(0);

      const wrong = await gql(agent, CREATE_TOKEN, { ...input, p: 'not my password' });
      expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['password'] }] });
      const right = await gql<Created>(agent, CREATE_TOKEN, { ...input, p: FACTORY_PASSWORD });
      expect(right.errors).toBeUndefined();
      // The password just proved it: the next change within ten minutes needs nothing more.
      expect((await gql(agent, 'mutation { endOtherSessions }')).data).toEqual({ endOtherSessions: true });
    });

    it('asks again before ending a single session', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const agent = await signedIn(t, client);
      const phone = await signedIn(t, client);
      const sessions = await gql<{ accountSettings: { sessions: { id: string; current: boolean }[] } }>(agent, '{ accountSettings { sessions { id current } } }');
      const other = sessions.data!.accountSettings.sessions.find((session) => !session.current)!;
      await makeStale(client.id);
      const END = 'mutation($id: ID!, $p: String) { endSession(id: $id, password: $p) }';
      expect((await gql(agent, END, { id: other.id })).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RECENT_SIGN_IN_REQUIRED' });
      expect((await gql(phone, ME)).data).toEqual({ me: { id: client.id } });
      expect((await gql(agent, END, { id: other.id, p: FACTORY_PASSWORD })).data).toEqual({ endSession: true });
      expect((await gql(phone, ME)).data).toEqual({ me: null });
    });
  });

  describe('the failure budget', () => {
    it('tests at most five of forty parallel wrong passwords; the rest are RATE_LIMITED', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const argon2Checks = jest.spyOn(argon2, 'verify');
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => gql(browser(t), SIGN_IN, { email: client.email, password: `wrong guess number ${i}` })),
      );
      const codes = results.map((result) => result.errors![0]!.extensions.code);
      const tested = codes.filter((code) => code === 'UNAUTHENTICATED').length;
      expect(tested).toBeLessThanOrEqual(5);
      expect(argon2Checks).toHaveBeenCalledTimes(tested);
      argon2Checks.mockRestore();
      expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(40 - tested);
      // Each tested password leaves one audit row; each refusal, another kind.
      const failed = await t.dataSource.getRepository(AuditEventEntity).countBy({ subjectUserId: client.id, action: 'auth.sign_in_failed' });
      expect(failed).toBe(tested);
      // The right password is refused too while the budget is spent.
      expect((await gql(browser(t), SIGN_IN, { email: client.email, password: FACTORY_PASSWORD })).errors![0]!.extensions.code).toBe('RATE_LIMITED');
    });

    it('counts password re-checks in the account page against the same budget, aliases included', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const agent = await signedIn(t, client);
      const aliases = Array.from({ length: 8 }, (_, i) => `a${i}: changePassword(currentPassword: "wrong guess ${i}", newPassword: "${NEW_PASSWORD}")`).join('\n');
      const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
      const checked = () => t.dataSource.getRepository(AuditEventEntity).countBy({ subjectUserId: client.id, action: 'account.password_check_failed' });
      // Mutations run one after another and stop at the first refusal: eight aliases test one password.
      const aliased = await gql(agent, `mutation { ${aliases} }`);
      expect(aliased.errors!.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
      expect(await checked()).toBe(1);
      for (let i = 0; i < 4; i++) {
        expect((await gql(agent, CHANGE, { c: `another wrong guess ${i}`, n: NEW_PASSWORD })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      }
      expect((await gql(agent, CHANGE, { c: FACTORY_PASSWORD, n: NEW_PASSWORD })).errors![0]!.extensions.code).toBe('RATE_LIMITED');
      expect(await checked()).toBe(5);
      expect((await gql(browser(t), SIGN_IN, { email: client.email, password: FACTORY_PASSWORD })).errors![0]!.extensions.code).toBe('RATE_LIMITED');
    });

    it('gives a try back when the password is right', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      for (let i = 0; i < 6; i++) expect((await signedIn(t, client)) ? 'ok' : 'no').toBe('ok');
    });
  });

  describe('token expiry', () => {
    it('lasts 90 days unless asked, a year at most', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const agent = await signedIn(t, client);
      const days = (iso: string) => Math.round((new Date(iso).getTime() - Date.now()) / 86_400_000);
      const byDefault = await gql<Created>(agent, CREATE_TOKEN, { i: { name: 'default', scopes: ['account:read'] } });
      expect(days(byDefault.data!.createApiToken.apiToken.expiresAt)).toBe(90);
      const asNull = await gql<Created>(agent, CREATE_TOKEN, { i: { name: 'null', scopes: ['account:read'], expiresInDays: null } });
      expect(days(asNull.data!.createApiToken.apiToken.expiresAt)).toBe(90);
      const year = await gql<Created>(agent, CREATE_TOKEN, { i: { name: 'year', scopes: ['account:read'], expiresInDays: 365 } });
      expect(days(year.data!.createApiToken.apiToken.expiresAt)).toBe(365);
    });

    it.each([0, 366, -5])('refuses %p days with BAD_USER_INPUT at expiresInDays, creating nothing', async (expiresInDays) => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const agent = await signedIn(t, client);
      const result = await gql(agent, CREATE_TOKEN, { i: { name: 'bad', scopes: ['account:read'], expiresInDays } });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['expiresInDays'] }] });
      expect(result.errors![0]!.extensions.fields![0]!.message).toMatch(/1 to 365 days/);
      expect(await t.dataSource.getRepository(ApiTokenEntity).countBy({ userId: client.id })).toBe(0);
    });
  });

  describe('deactivation', () => {
    const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) }';
    const REACTIVATE = 'mutation($id: ID!) { reactivateUser(id: $id) }';
    const CARE = '{ practiceMembers(role: CLIENT, first: 100) { edges { node { id therapistName needsTherapist deactivated } } } }';
    type Members = { practiceMembers: { edges: { node: { id: string; therapistName: string | null; needsTherapist: boolean; deactivated: boolean } }[] } };

    let admin: UserEntity;
    let adminAgent: Http;
    beforeAll(async () => {
      admin = await newPerson(t.dataSource, 'ADMIN');
      adminAgent = await signedIn(t, admin);
    });

    it('ends sessions and tokens at once, refuses sign-in like a wrong password, and shows the clients as needing a therapist', async () => {
      const therapist = await newPerson(t.dataSource, 'THERAPIST');
      const client = await newPerson(t.dataSource, 'CLIENT');
      await newCare(t.dataSource, therapist, client);
      const agent = await signedIn(t, therapist);
      const { token } = await tokenFor(agent);
      expect(await works(token)).toBe(therapist.id);

      expect((await gql(adminAgent, DEACTIVATE, { id: therapist.id })).data).toEqual({ deactivateUser: true });
      expect(await works(token)).toBeNull();
      expect((await gql(agent, ME)).data).toEqual({ me: null });

      const refused = await gql(browser(t), SIGN_IN, { email: therapist.email, password: FACTORY_PASSWORD });
      const wrong = await gql(browser(t), SIGN_IN, { email: (await newPerson(t.dataSource, 'CLIENT')).email, password: 'not the password' });
      expect(refused.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(refused.errors![0]!.message).toBe(wrong.errors![0]!.message);

      const care = await gql<Members>(adminAgent, CARE);
      expect(care.data!.practiceMembers.edges.find((edge) => edge.node.id === client.id)!.node).toMatchObject({ therapistName: null, needsTherapist: true });
      expect(await auditActions(therapist.id)).toContain('account.deactivated');

      expect((await gql(adminAgent, REACTIVATE, { id: therapist.id })).data).toEqual({ reactivateUser: true });
      expect(await works(token)).toBeNull();
      const back = await gql<{ signIn: { mfaRequired: boolean } }>(browser(t), SIGN_IN, { email: therapist.email, password: FACTORY_PASSWORD });
      expect(back.data!.signIn.mfaRequired).toBe(true);
      const careAgain = await gql<Members>(adminAgent, CARE);
      expect(careAgain.data!.practiceMembers.edges.find((edge) => edge.node.id === client.id)!.node).toMatchObject({ needsTherapist: false });
      expect(await auditActions(therapist.id)).toContain('account.reactivated');
    });

    it('is for admins, never on themselves', async () => {
      const therapist = await newPerson(t.dataSource, 'THERAPIST');
      const self = await gql(adminAgent, DEACTIVATE, { id: admin.id });
      expect(self.errors![0]!.extensions.code).toBe('FORBIDDEN');
      const asTherapist = await signedIn(t, therapist);
      const client = await newPerson(t.dataSource, 'CLIENT');
      expect((await gql(asTherapist, DEACTIVATE, { id: client.id })).errors![0]!.extensions.code).toBe('FORBIDDEN');
      expect((await gql(adminAgent, DEACTIVATE, { id: 'not-an-id' })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['id'] }] });
      expect((await gql(adminAgent, DEACTIVATE, { id: '00000000-0000-4000-8000-000000000000' })).errors![0]!.extensions.code).toBe('NOT_FOUND');
      expect((await gql(adminAgent, ME)).data).toEqual({ me: { id: admin.id } });
    });
  });
});
