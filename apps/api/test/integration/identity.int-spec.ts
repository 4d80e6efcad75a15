import { AfterResponse } from '../../src/common/background/after-response.service';
import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { OutboxEmailEntity } from '../../src/modules/mail/outbox-email.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson, SIGN_IN, signedIn, TEST_TOTP_SECRET, totpNow } from '../auth';
import { FACTORY_PASSWORD } from '../factories/user.factory';
import { browser, gql, startTestApp, type TestApp } from '../harness';

const ME = '{ me { id email role } }';
const VERIFY = 'mutation($code: String!) { verifyMfa(code: $code) { id } }';
const NEW_PASSWORD = 'river stones under a slow moon';

describe('identity: sign-in, second factor, sessions, resets and invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const lastEmailTo = async (to: string) => {
    // Reset emails go out after the answer.
    await t.app.get(AfterResponse).settled();
    return t.dataSource.getRepository(OutboxEmailEntity).findOne({ where: { to }, order: { createdAt: 'DESC' } });
  };
  const tokenIn = (text: string) => /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;

  it('signs a client in with an HttpOnly, SameSite session cookie', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const agent = browser(t);
    const res = await agent.post('/graphql').set('content-type', 'application/json').send({ query: SIGN_IN, variables: { email: client.email.toUpperCase(), password: FACTORY_PASSWORD } });
    expect(res.body.data.signIn).toEqual({ user: { id: client.id, role: 'CLIENT' }, mfaRequired: false, mfaEnrollmentRequired: false });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/attune_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await gql(agent, ME)).data).toEqual({ me: { id: client.id, email: client.email, role: 'CLIENT' } });
  });

  it('holds a therapist at the second factor until a valid code, and accepts each code once', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const agent = browser(t);
    const first = await gql<{ signIn: { user: unknown; mfaRequired: boolean } }>(agent, SIGN_IN, { email: therapist.email, password: FACTORY_PASSWORD });
    expect(first.data!.signIn).toMatchObject({ user: null, mfaRequired: true });
    expect((await gql(agent, ME)).data).toEqual({ me: null });
    const blocked = await gql(agent, '{ accountSettings { mfaEnabled } }');
    expect(blocked.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');

    const wrong = await gql(agent, VERIFY, { code: '000000' === (await totpNow()) ? '111111' : '000000' });
    expect(wrong.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    const code = await totpNow();
    expect((await gql(agent, VERIFY, { code })).data).toEqual({ verifyMfa: { id: therapist.id } });
    expect((await gql<{ me: { id: string } }>(agent, ME)).data!.me.id).toBe(therapist.id);

    // The same code cannot complete a second sign-in.
    const again = browser(t);
    await gql(again, SIGN_IN, { email: therapist.email, password: FACTORY_PASSWORD });
    const replay = await gql(again, VERIFY, { code });
    expect(replay.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown email the same way, then pauses the account', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const wrong = await gql(t.http, SIGN_IN, { email: client.email, password: 'not the password at all' });
    const unknown = await gql(t.http, SIGN_IN, { email: 'nobody-here@example.test', password: 'not the password at all' });
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(wrong.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    for (let i = 0; i < 5; i++) {
      await gql(t.http, SIGN_IN, { email: client.email, password: 'still wrong' });
      await gql(t.http, SIGN_IN, { email: 'nobody-here@example.test', password: 'still wrong' });
    }
    const locked = await gql(t.http, SIGN_IN, { email: client.email, password: FACTORY_PASSWORD });
    const lockedUnknown = await gql(t.http, SIGN_IN, { email: 'nobody-here@example.test', password: FACTORY_PASSWORD });
    expect(locked.errors![0]!.extensions.code).toBe('RATE_LIMITED');
    expect(locked.errors![0]!.message).toMatch(/paused for 15 minutes/);
    expect(lockedUnknown.errors![0]!.message).toBe(locked.errors![0]!.message);
  });

  it('ends the session everywhere on sign-out', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const agent = await signedIn(t, client);
    const cookie = (await agent.post('/graphql').set('content-type', 'application/json').send({ query: ME })).request.cookies;
    await gql(agent, 'mutation { signOut }');
    expect((await gql(agent, ME)).data).toEqual({ me: null });
    // A copy of the old cookie (another tab, a stolen cookie) no longer works either.
    const replay = await t.http.post('/graphql').set('content-type', 'application/json').set('cookie', cookie).send({ query: ME });
    expect(replay.body.data).toEqual({ me: null });
  });

  it('changes a password only with the current one, refuses weak ones, and ends other sessions', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT', { displayName: 'Casey Morgan' });
    const here = await signedIn(t, client);
    const elsewhere = await signedIn(t, client);
    const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    const wrongCurrent = await gql(here, CHANGE, { c: 'not my password', n: NEW_PASSWORD });
    expect(wrongCurrent.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['currentPassword'] }] });
    for (const weak of ['password1234', 'caseymorgan1234', 'short']) {
      const result = await gql(here, CHANGE, { c: FACTORY_PASSWORD, n: weak });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['newPassword'] }] });
    }
    expect((await gql(here, CHANGE, { c: FACTORY_PASSWORD, n: NEW_PASSWORD })).data).toEqual({ changePassword: true });
    expect((await gql(here, ME)).data).toMatchObject({ me: { id: client.id } });
    expect((await gql(elsewhere, ME)).data).toEqual({ me: null });
  });

  it('lists your sessions and ends another one', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const here = await signedIn(t, client);
    const phone = await signedIn(t, client);
    const settings = await gql<{ accountSettings: { sessions: { id: string; current: boolean }[] } }>(here, '{ accountSettings { sessions { id current } } }');
    const sessions = settings.data!.accountSettings.sessions;
    expect(sessions).toHaveLength(2);
    const other = sessions.find((session) => !session.current)!;
    expect((await gql(here, 'mutation($id: ID!) { endSession(id: $id) }', { id: other.id })).data).toEqual({ endSession: true });
    expect((await gql(phone, ME)).data).toEqual({ me: null });
    expect((await gql(here, ME)).data).toMatchObject({ me: { id: client.id } });
  });

  it('resets a password by a single-use link without revealing accounts or bypassing the second factor', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
    const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
    expect((await gql(t.http, REQUEST, { e: 'no-such-person@example.test' })).data).toEqual({ requestPasswordReset: true });
    expect(await lastEmailTo('no-such-person@example.test')).toBeNull();

    expect((await gql(t.http, REQUEST, { e: therapist.email })).data).toEqual({ requestPasswordReset: true });
    const token = tokenIn((await lastEmailTo(therapist.email))!.text)!;
    expect(token).toBeTruthy();
    expect((await gql(t.http, RESET, { t: token, p: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
    const reused = await gql(t.http, RESET, { t: token, p: 'another quiet evening walk' });
    expect(reused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['token'] }] });
    expect(reused.errors![0]!.message).toMatch(/expired or has already been used/);

    const agent = browser(t);
    const signIn = await gql<{ signIn: { mfaRequired: boolean } }>(agent, SIGN_IN, { email: therapist.email, password: NEW_PASSWORD });
    expect(signIn.data!.signIn.mfaRequired).toBe(true);
  });

  it('refuses an expired reset link and changes nothing', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    await gql(t.http, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: client.email });
    const token = tokenIn((await lastEmailTo(client.email))!.text)!;
    await t.dataSource.query(`UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE email = $1`, [client.email]);
    const result = await gql(t.http, 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', { t: token, p: NEW_PASSWORD });
    expect(result.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    const after = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: client.id });
    expect(after.passwordHash).toBe(client.passwordHash);
  });

  it('invites a therapist, who sets a password and must set up a second factor, with recovery codes that work once', async () => {
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const adminAgent = await signedIn(t, admin);
    const INVITE = 'mutation($i: InviteUserInput!) { inviteUser(input: $i) }';
    const email = `new-therapist-${Date.now()}@example.test`;
    expect((await gql(adminAgent, INVITE, { i: { email, displayName: 'Noor Haddad', role: 'THERAPIST' } })).data).toEqual({ inviteUser: true });
    const token = tokenIn((await lastEmailTo(email))!.text)!;

    const agent = browser(t);
    const ACCEPT = 'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { user { id } mfaEnrollmentRequired } }';
    const accepted = await gql<{ acceptInvitation: { user: unknown; mfaEnrollmentRequired: boolean } }>(agent, ACCEPT, { i: { token, password: NEW_PASSWORD } });
    expect(accepted.data!.acceptInvitation).toEqual({ user: null, mfaEnrollmentRequired: true });
    expect((await gql(agent, ME)).data).toEqual({ me: null });

    const enrollment = await gql<{ startMfaEnrollment: { secret: string; qrCodeDataUrl: string } }>(agent, 'mutation { startMfaEnrollment(password: null) { secret otpauthUri qrCodeDataUrl } }');
    const { secret, qrCodeDataUrl } = enrollment.data!.startMfaEnrollment;
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const confirmed = await gql<{ confirmMfaEnrollment: string[] }>(agent, 'mutation($c: String!) { confirmMfaEnrollment(code: $c) }', { c: await totpNow(secret) });
    const codes = confirmed.data!.confirmMfaEnrollment;
    expect(codes).toHaveLength(10);
    expect((await gql<{ me: { role: string } }>(agent, ME)).data!.me.role).toBe('THERAPIST');

    // A recovery code completes a later sign-in, once.
    for (const expected of ['ok', 'refused']) {
      const later = browser(t);
      await gql(later, SIGN_IN, { email, password: NEW_PASSWORD });
      const result = await gql(later, VERIFY, { code: codes[0]!.toUpperCase() });
      if (expected === 'ok') expect(result.errors).toBeUndefined();
      else expect(result.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    }

    // The link is single-use, and inviting an existing email answers the same.
    expect((await gql(browser(t), ACCEPT, { i: { token, password: NEW_PASSWORD } })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect((await gql(adminAgent, INVITE, { i: { email, displayName: 'Noor Haddad', role: 'THERAPIST' } })).data).toEqual({ inviteUser: true });
  });

  it('lets therapists invite clients only, and clients invite no one', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const client = await newPerson(t.dataSource, 'CLIENT');
    const INVITE = 'mutation($i: InviteUserInput!) { inviteUser(input: $i) }';
    const asTherapist = await signedIn(t, therapist);
    expect((await gql(asTherapist, INVITE, { i: { email: 'colleague@example.test', displayName: 'A Colleague', role: 'THERAPIST' } })).errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect((await gql(asTherapist, INVITE, { i: { email: `c-${Date.now()}@example.test`, displayName: 'A Client', role: 'CLIENT' } })).data).toEqual({ inviteUser: true });
    const asClient = await signedIn(t, client);
    expect((await gql(asClient, INVITE, { i: { email: 'friend@example.test', displayName: 'Friend', role: 'CLIENT' } })).errors![0]!.extensions.code).toBe('FORBIDDEN');
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: 'x' }, ['email']],
    ['an oversized email', { email: `${'a'.repeat(300)}@example.test`, password: 'x' }, ['email']],
    ['an empty password', { email: 'someone@example.test', password: '' }, ['password']],
  ])('refuses %s with BAD_USER_INPUT and the field path', async (_label, variables, path) => {
    const result = await gql(t.http, SIGN_IN, variables);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path }] });
  });

  it('refuses a missing field as BAD_USER_INPUT', async () => {
    const result = await gql(t.http, 'mutation { signIn(input: { email: "a@b.test" }) { mfaRequired } }');
    expect(result.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('never runs a mutation sent as GET or as a simple form post', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const agent = await signedIn(t, client);
    const get = await agent.get('/graphql').query({ query: 'mutation { signOut }' });
    expect(get.status).toBeGreaterThanOrEqual(400);
    const form = await agent.post('/graphql').type('form').send({ query: 'mutation { signOut }' });
    expect(form.status).toBe(400);
    expect((await gql(agent, ME)).data).toMatchObject({ me: { id: client.id } });
  });

  it('gives API tokens their owner’s reach narrowed to their scopes, without cookies', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const agent = await signedIn(t, therapist);
    const created = await gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      agent,
      'mutation { createApiToken(input: { name: "reporting", scopes: ["account:read"], expiresInDays: 30 }) { token apiToken { id scopes } } }',
    );
    const { token, apiToken } = created.data!.createApiToken;
    const bearer = { authorization: `Bearer ${token}` };
    const me = await gql<{ me: { id: string } }>(t.http, ME, {}, bearer);
    expect(me.data!.me.id).toBe(therapist.id);
    expect(me.headers['set-cookie']).toBeUndefined();
    const noScope = await gql(t.http, 'mutation($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id }, bearer);
    expect(noScope.errors![0]!.extensions.code).toBe('FORBIDDEN');
    const mint = await gql(t.http, 'mutation { createApiToken(input: { name: "x", scopes: ["account:read"] }) { token } }', {}, bearer);
    expect(mint.errors![0]!.extensions.code).toBe('FORBIDDEN');
    const signIn = await gql(t.http, SIGN_IN, { email: therapist.email, password: FACTORY_PASSWORD }, bearer);
    expect(signIn.errors![0]!.extensions.code).toBe('FORBIDDEN');

    await gql(agent, 'mutation($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id });
    const revoked = await gql(t.http, '{ accountSettings { mfaEnabled } }', {}, bearer);
    expect(revoked.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired API token', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const agent = await signedIn(t, client);
    const created = await gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(agent, 'mutation { createApiToken(input: { name: "old", scopes: ["account:read"], expiresInDays: 1 }) { token apiToken { id } } }');
    await t.dataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [created.data!.createApiToken.apiToken.id]);
    const result = await gql(t.http, '{ accountSettings { mfaEnabled } }', {}, { authorization: `Bearer ${created.data!.createApiToken.token}` });
    expect(result.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keeps an append-only audit trail that admins can search and others cannot', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    await signedIn(t, client);
    await gql(t.http, SIGN_IN, { email: client.email, password: 'a wrong password here' });
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const adminAgent = await signedIn(t, admin);
    const QUERY = 'query($u: ID) { auditEvents(userId: $u, first: 10) { edges { node { action actorId targetId requestId ip } } } }';
    const trail = await gql<{ auditEvents: { edges: { node: { action: string; requestId: string } }[] } }>(adminAgent, QUERY, { u: client.id });
    const actions = trail.data!.auditEvents.edges.map((edge) => edge.node.action);
    expect(actions).toContain('auth.sign_in');
    expect(trail.data!.auditEvents.edges[0]!.node.requestId).toBeTruthy();
    const asClient = await signedIn(t, await newPerson(t.dataSource, 'CLIENT'));
    expect((await gql(asClient, QUERY, { u: client.id })).errors![0]!.extensions.code).toBe('FORBIDDEN');
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    expect(await t.dataSource.getRepository(AuditEventEntity).count()).toBeGreaterThan(0);
  });

  it('lets a client turn the second factor on and off, and never a therapist off', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const agent = await signedIn(t, client);
    const start = await gql<{ startMfaEnrollment: { secret: string } }>(agent, 'mutation($p: String) { startMfaEnrollment(password: $p) { secret } }', { p: FACTORY_PASSWORD });
    const secret = start.data!.startMfaEnrollment.secret;
    await gql(agent, 'mutation($c: String!) { confirmMfaEnrollment(code: $c) }', { c: await totpNow(secret) });
    expect((await gql(agent, '{ accountSettings { mfaEnabled } }')).data).toEqual({ accountSettings: { mfaEnabled: true } });

    const therapist = await newPerson(t.dataSource, 'THERAPIST', { mfaSecret: TEST_TOTP_SECRET });
    const asTherapist = await signedIn(t, therapist);
    const refused = await gql(asTherapist, 'mutation($p: String!, $c: String!) { disableMfa(password: $p, code: $c) }', { p: FACTORY_PASSWORD, c: '123456' });
    expect(refused.errors![0]!.extensions.code).toBe('FORBIDDEN');
  });
});
