import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import type { ScopeRule } from '../../src/common/auth/scope.decorator';
import { scopeRuleOf } from '../../src/common/auth/token-scopes';
import { PracticePromptEntity, ReflectionDraftEntity, ReflectionResponseEntity } from '../../src/modules/reflections/reflection.entity';
import { SessionNoteEntity } from '../../src/modules/sessions/session-note.entity';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { API_SCOPE_AREAS } from '@attune/domain';
import { newApiToken, newPerson, signedIn } from '../auth';
import { newArticle } from '../factories/article.factory';
import { newCare, newCheckIn, newReflection, newSession } from '../factories/clinical.factory';
import { browser, gql, startTestApp, type Http, type TestApp } from '../harness';

/**
 * The authorization matrix: every query, every mutation and every clinical field, tried by every kind
 * of caller. Each cell makes its own fresh records, so no cell depends on another. The test fails if
 * the schema has an operation without a row, and writes the result to docs/authorization-matrix.md.
 */
const ACTORS = ['anonymous', 'owner', 'otherClient', 'therapist', 'otherTherapist', 'admin', 'token', 'therapistToken', 'caseloadToken', 'adminToken'] as const;
type Actor = (typeof ACTORS)[number];
const ACTOR_TITLES: Record<Actor, string> = {
  anonymous: 'anonymous',
  owner: 'owner client',
  otherClient: 'other client',
  therapist: "client's therapist",
  otherTherapist: 'another therapist',
  admin: 'admin',
  token: "owner's API token (read scopes)",
  therapistToken: "therapist's API token (read scopes)",
  caseloadToken: "therapist's API token (caseload:read only)",
  adminToken: "admin's API token (read scopes)",
};
/** Every read scope there is: what the token columns hold (the caseload token aside). */
const READ_SCOPES = API_SCOPE_AREAS.map((area) => `${area}:read`);
/** 'ok': answered with data; 'none': answered with null or an empty value; otherwise the error code. */
type Outcome = 'ok' | 'none' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';
type Expectation = Record<Actor, Outcome>;
type PortalExpectation = Omit<Expectation, 'therapistToken' | 'caseloadToken' | 'adminToken'> & Partial<Expectation>;

interface World {
  t: TestApp;
  client: UserEntity;
  therapist: UserEntity;
  otherClient: UserEntity;
  otherTherapist: UserEntity;
}
interface Case {
  name: string;
  kind: 'query' | 'mutation' | 'field';
  /** The GraphQL document, and fresh variables made for each cell. */
  document: string;
  variables?: (world: World) => Promise<Record<string, unknown>>;
  /** Where the answer lives in `data`, to tell data from nothing. */
  field: string[];
  /**
   * The staff token columns, when not given, answer as their owner does for reads and FORBIDDEN for
   * writes (they hold read scopes only); the caseload-only token is FORBIDDEN unless given.
   */
  expect: PortalExpectation;
  /** Extra headers for each cell (e.g. a distinct client address, where a per-address limit would otherwise decide). */
  headers?: () => Record<string, string>;
}

const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const NF = 'NOT_FOUND';
const BAD = 'BAD_USER_INPUT';
const all = (outcome: Outcome, overrides: Partial<Expectation> = {}): PortalExpectation => ({
  anonymous: outcome, owner: outcome, otherClient: outcome, therapist: outcome, otherTherapist: outcome, admin: outcome, token: outcome, ...overrides,
});
/** Reads of the owner's clinical record: the owner, their therapist and the owner's token; nobody else. */
const clinicalRead = (overrides: Partial<Expectation> = {}) =>
  all(NF, { anonymous: U, owner: 'ok', therapist: 'ok', token: 'ok', ...overrides });
/** Writes only the owner may make. */
const ownerWrite = (overrides: Partial<Expectation> = {}) => all(NF, { anonymous: U, owner: 'ok', token: F, ...overrides });
/** Writes only the client's therapist may make. */
const therapistWrite = (overrides: Partial<Expectation> = {}) => all(NF, { anonymous: U, therapist: 'ok', token: F, ...overrides });
/** Admin-only operations: from the portal only, never with a token. */
const adminOnly = () => all(F, { anonymous: U, admin: 'ok', adminToken: F });
/** Your own account, from the portal only. */
const ownAccount = (outcome: Outcome) => all(outcome, { anonymous: U, token: F });


/** A therapist the world's client saw before the current one (the care ended in a hand-over). */
async function earlierTherapist(w: World) {
  const earlier = await newPerson(w.t.dataSource, 'THERAPIST');
  await newCare(w.t.dataSource, earlier, w.client, { startedAt: new Date(Date.now() - 400 * 86_400_000), endedAt: new Date(Date.now() - 30 * 86_400_000) });
  return earlier;
}

/** The world's therapist asks the client for a PHQ-9 every two weeks (so one is due now). */
async function askForPhq9(w: World) {
  await w.t.dataSource.query(`INSERT INTO measure_schedules (client_id, kind, schedule, set_by_id) VALUES ($1, 'PHQ9', 'EVERY_2_WEEKS', $2) ON CONFLICT DO NOTHING`, [w.client.id, w.therapist.id]);
}

const future = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

const CASES: Case[] = [
  // ---- identity and account ----
  { name: 'me', kind: 'query', document: '{ me { id } }', field: ['me'], expect: all('ok', { anonymous: 'none', caseloadToken: F }) },
  { name: 'accountSettings', kind: 'query', document: '{ accountSettings { mfaEnabled } }', field: ['accountSettings'], expect: all('ok', { anonymous: U }) },
  { name: 'signIn', kind: 'mutation', document: 'mutation($e: String!) { signIn(input: { email: $e, password: "wrong password here" }) { mfaRequired } }', variables: async () => ({ e: `nobody-${randomUUID()}@example.test` }), field: ['signIn'], expect: all(U, { token: F }) },
  { name: 'verifyMfa', kind: 'mutation', document: 'mutation { verifyMfa(code: "000000") { id } }', field: ['verifyMfa'], expect: all(U, { token: F }) },
  { name: 'startMfaEnrollment', kind: 'mutation', document: 'mutation { startMfaEnrollment(password: "not the password") { secret } }', field: ['startMfaEnrollment'], expect: ownAccount(BAD) },
  { name: 'confirmMfaEnrollment', kind: 'mutation', document: 'mutation { confirmMfaEnrollment(code: "000000") }', field: ['confirmMfaEnrollment'], expect: ownAccount(BAD) },
  { name: 'disableMfa', kind: 'mutation', document: 'mutation { disableMfa(password: "not the password", code: "000000") }', field: ['disableMfa'], expect: ownAccount(BAD) },
  { name: 'regenerateRecoveryCodes', kind: 'mutation', document: 'mutation { regenerateRecoveryCodes(password: "not the password") }', field: ['regenerateRecoveryCodes'], expect: ownAccount(BAD) },
  { name: 'changePassword', kind: 'mutation', document: 'mutation { changePassword(currentPassword: "not the password", newPassword: "a calm and unguessable phrase") }', field: ['changePassword'], expect: ownAccount(BAD) },
  // A client's own data: each client their own (so the other client gets theirs too); staff have nothing to export or close here.
  { name: 'exportMyData', kind: 'query', document: '{ exportMyData }', field: ['exportMyData'], expect: all(F, { anonymous: U, owner: 'ok', otherClient: 'ok' }) },
  { name: 'closeMyAccount', kind: 'mutation', document: 'mutation { closeMyAccount(password: "not the password") }', field: ['closeMyAccount'], expect: all(F, { anonymous: U, owner: BAD, otherClient: BAD }) },
  { name: 'endSession', kind: 'mutation', document: 'mutation($id: ID!) { endSession(id: $id) }', variables: async () => ({ id: randomUUID() }), field: ['endSession'], expect: ownAccount(NF) },
  // Everyone signed in keeps their own settings; a token needs account:write (the matrix's tokens hold read scopes).
  { name: 'updatePreferences', kind: 'mutation', document: 'mutation { updatePreferences(input: { sessionReminderMinutes: 180 }) { sessionReminderMinutes } }', field: ['updatePreferences'], expect: all('ok', { anonymous: U, token: F }) },
  { name: 'endOtherSessions', kind: 'mutation', document: 'mutation { endOtherSessions }', field: ['endOtherSessions'], expect: ownAccount('ok') },
  { name: 'requestPasswordReset', kind: 'mutation', document: 'mutation($e: String!) { requestPasswordReset(email: $e) }', variables: async () => ({ e: `nobody-${randomUUID()}@example.test` }), field: ['requestPasswordReset'], expect: all('ok') },
  { name: 'resetPassword', kind: 'mutation', document: 'mutation { resetPassword(token: "not-a-real-token-not-a-real-token", newPassword: "a calm and unguessable phrase") }', field: ['resetPassword'], expect: all(BAD) },
  { name: 'acceptInvitation', kind: 'mutation', document: 'mutation { acceptInvitation(input: { token: "not-a-real-token-not-a-real-token", password: "a calm and unguessable phrase" }) { mfaRequired } }', field: ['acceptInvitation'], expect: all(BAD, { token: F }) },
  {
    name: 'inviteUser', kind: 'mutation', document: 'mutation($e: String!) { inviteUser(input: { email: $e, displayName: "New Client", role: "CLIENT" }) }',
    variables: async () => ({ e: `invitee-${randomUUID()}@example.test` }), field: ['inviteUser'],
    expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: 'ok', admin: 'ok' }),
  },
  { name: 'createApiToken', kind: 'mutation', document: 'mutation { createApiToken(input: { name: "matrix", scopes: ["account:read"] }) { token } }', field: ['createApiToken'], expect: ownAccount('ok') },
  {
    name: 'revokeApiToken', kind: 'mutation', document: 'mutation($id: ID!) { revokeApiToken(id: $id) }',
    variables: async (w) => ({ id: (await w.t.dataSource.query(`INSERT INTO api_tokens (user_id, name, token_hash, scopes) VALUES ($1, 'x', $2, '{account:read}') RETURNING id`, [w.client.id, randomUUID()]))[0].id }),
    field: ['revokeApiToken'], expect: all(NF, { anonymous: U, owner: 'ok', token: F }),
  },
  { name: 'auditEvents', kind: 'query', document: '{ auditEvents(first: 1) { edges { cursor } } }', field: ['auditEvents'], expect: adminOnly() },
  { name: 'devOutbox', kind: 'query', document: '{ devOutbox(first: 1) { id } }', field: ['devOutbox'], expect: adminOnly() },

  // ---- care relationships (admins) ----
  { name: 'practiceMembers', kind: 'query', document: '{ practiceMembers(first: 1) { edges { cursor } } }', field: ['practiceMembers'], expect: adminOnly() },
  { name: 'myClinicalAccess', kind: 'query', document: '{ myClinicalAccess { id } }', field: ['myClinicalAccess'], expect: all(F, { anonymous: U, admin: 'none', adminToken: F }) },
  {
    name: 'assignClient', kind: 'mutation', document: 'mutation($c: ID!, $t: ID!) { assignClient(clientId: $c, therapistId: $t) }',
    variables: async (w) => ({ c: (await newPerson(w.t.dataSource, 'CLIENT')).id, t: w.otherTherapist.id }), field: ['assignClient'], expect: adminOnly(),
  },
  {
    name: 'endCare', kind: 'mutation', document: 'mutation($c: ID!) { endCare(clientId: $c) }',
    variables: async (w) => {
      const someone = await newPerson(w.t.dataSource, 'CLIENT');
      await newCare(w.t.dataSource, w.otherTherapist, someone);
      return { c: someone.id };
    },
    field: ['endCare'], expect: adminOnly(),
  },
  // ---- deactivation (admins; trust-cred) ----
  {
    name: 'deactivateUser', kind: 'mutation', document: 'mutation($id: ID!) { deactivateUser(id: $id) }',
    variables: async (w) => ({ id: (await newPerson(w.t.dataSource, 'CLIENT')).id }), field: ['deactivateUser'], expect: adminOnly(),
  },
  {
    name: 'reactivateUser', kind: 'mutation', document: 'mutation($id: ID!) { reactivateUser(id: $id) }',
    variables: async (w) => ({ id: (await newPerson(w.t.dataSource, 'CLIENT', { deactivatedAt: new Date() })).id }), field: ['reactivateUser'], expect: adminOnly(),
  },

  // ---- the caseload and client record ----
  // The lists that change carry `updatedSince`: filtering by change never widens who may read them.
  { name: 'caseload', kind: 'query', document: '{ caseload(updatedSince: "2000-01-01T00:00:00Z") { edges { cursor } } }', field: ['caseload'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: 'ok', caseloadToken: 'ok' }) },
  { name: 'client', kind: 'query', document: 'query($id: ID!) { client(id: $id) { displayName } }', variables: async (w) => ({ id: w.client.id }), field: ['client'], expect: clinicalRead({ caseloadToken: 'ok' }) },

  // ---- words and notes on nested paths: a caseload token reaches none of them ----
  {
    name: 'caseload → lastSession.note', kind: 'field', document: '{ caseload { edges { node { lastSession { note { body } } } } } }',
    variables: async (w) => {
      const s = await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -1, status: 'COMPLETED' });
      await w.t.dataSource.getRepository(SessionNoteEntity).insert({ sessionId: s.id, authorId: w.therapist.id, body: 'private', signedAt: new Date() });
      return {};
    },
    field: ['caseload', 'edges', '0', 'node', 'lastSession', 'note'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: 'none' }),
  },
  {
    name: 'caseload → lastSession.agenda', kind: 'field', document: '{ caseload { edges { node { lastSession { agenda } } } } }',
    variables: async (w) => { await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -1, status: 'COMPLETED', agenda: 'my sister' }); return {}; },
    field: ['caseload', 'edges', '0', 'node', 'lastSession', 'agenda'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: 'none' }),
  },
  {
    name: 'caseload → alliance.latest.comment', kind: 'field', document: '{ caseload { edges { node { alliance { latest { comment } } } } } }',
    variables: async (w) => { await newCheckIn(w.t.dataSource, await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -1, status: 'COMPLETED' }), { comment: 'felt rushed' }); return {}; },
    field: ['caseload', 'edges', '0', 'node', 'alliance', 'latest', 'comment'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: 'none' }),
  },
  {
    name: 'client → relationship.lastSession.checkIn.comment', kind: 'field', document: 'query($id: ID!) { client(id: $id) { relationship { lastSession { checkIn { comment } } } } }',
    variables: async (w) => {
      await newCheckIn(w.t.dataSource, await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -1, status: 'COMPLETED' }), { comment: 'felt heard' });
      return { id: w.client.id };
    },
    field: ['client', 'relationship', 'lastSession', 'checkIn', 'comment'], expect: clinicalRead({ owner: 'none', token: 'none' }),
  },
  {
    name: 'sessions → note', kind: 'field', document: 'query($c: ID) { sessions(clientId: $c, first: 100) { edges { node { note { body } } } } }',
    variables: async (w) => {
      const s = await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -50_000, status: 'COMPLETED' });
      await w.t.dataSource.getRepository(SessionNoteEntity).insert({ sessionId: s.id, authorId: w.therapist.id, body: 'private' });
      return { c: w.client.id };
    },
    field: ['sessions', 'edges', '0', 'node', 'note'], expect: clinicalRead({ owner: 'none', token: 'none', adminToken: F, admin: F }),
  },

  // ---- after a hand-over: the words stay with the relationship they were written in ----
  {
    name: 'Session.agenda (an earlier therapist’s session)', kind: 'field', document: 'query($id: ID!) { session(id: $id) { agenda } }',
    variables: async (w) => ({ id: (await newSession(w.t.dataSource, await earlierTherapist(w), w.client, { hoursFromNow: -5_000, status: 'COMPLETED', agenda: 'my sister' })).id }),
    field: ['session', 'agenda'], expect: clinicalRead({ therapist: 'none' }),
  },
  {
    name: 'Session.checkIn (an earlier therapist’s session)', kind: 'field', document: 'query($id: ID!) { session(id: $id) { status checkIn { overall comment } } }',
    variables: async (w) => {
      const s = await newSession(w.t.dataSource, await earlierTherapist(w), w.client, { hoursFromNow: -5_000, status: 'COMPLETED' });
      await newCheckIn(w.t.dataSource, s, { comment: 'felt heard' });
      return { id: s.id };
    },
    field: ['session', 'checkIn'], expect: clinicalRead({ therapist: 'none' }),
  },

  // ---- sessions ----
  { name: 'sessions', kind: 'query', document: 'query($c: ID) { sessions(clientId: $c, updatedSince: "2000-01-01T00:00:00Z") { edges { cursor } } }', variables: async (w) => ({ c: w.client.id }), field: ['sessions'], expect: clinicalRead({ admin: F }) },
  { name: 'session', kind: 'query', document: 'query($id: ID!) { session(id: $id) { id } }', variables: async (w) => ({ id: (await newSession(w.t.dataSource, w.therapist, w.client)).id }), field: ['session'], expect: clinicalRead() },
  {
    name: 'Session.note', kind: 'field', document: 'query($id: ID!) { session(id: $id) { note { body } } }',
    variables: async (w) => {
      const s = await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -2, status: 'COMPLETED' });
      await w.t.dataSource.getRepository(SessionNoteEntity).insert({ sessionId: s.id, authorId: w.therapist.id, body: 'private' });
      return { id: s.id };
    },
    field: ['session', 'note'], expect: clinicalRead({ owner: 'none', token: 'none' }),
  },
  {
    name: 'Session.agenda', kind: 'field', document: 'query($id: ID!) { session(id: $id) { agenda } }',
    variables: async (w) => ({ id: (await newSession(w.t.dataSource, w.therapist, w.client, { agenda: 'my sister' })).id }), field: ['session', 'agenda'], expect: clinicalRead(),
  },
  {
    name: 'Session.checkIn', kind: 'field', document: 'query($id: ID!) { session(id: $id) { checkIn { overall comment } } }',
    variables: async (w) => {
      const s = await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -2, status: 'COMPLETED' });
      await newCheckIn(w.t.dataSource, s, { comment: 'felt heard' });
      return { id: s.id };
    },
    field: ['session', 'checkIn'], expect: clinicalRead(),
  },
  {
    name: 'scheduleSession', kind: 'mutation', document: 'mutation($i: ScheduleSessionInput!) { scheduleSession(input: $i) { id } }',
    variables: async (w) => {
      const hours = 1000 + Math.floor(Math.random() * 100_000);
      return { i: { clientId: w.client.id, startsAt: future(hours), endsAt: future(hours + 0.8), modality: 'VIDEO' } };
    },
    field: ['scheduleSession'], expect: all(F, { anonymous: U, otherTherapist: NF, therapist: 'ok' }),
  },
  {
    name: 'rescheduleSession', kind: 'mutation', document: 'mutation($id: ID!, $s: String!, $e: String!) { rescheduleSession(id: $id, startsAt: $s, endsAt: $e) { id } }',
    variables: async (w) => {
      const hours = 1000 + Math.floor(Math.random() * 100_000);
      return { id: (await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: hours })).id, s: future(hours + 2), e: future(hours + 2.8) };
    },
    field: ['rescheduleSession'], expect: therapistWrite({ owner: F }),
  },
  { name: 'cancelSession', kind: 'mutation', document: 'mutation($id: ID!) { cancelSession(id: $id, reason: "unwell") { id } }', variables: async (w) => ({ id: (await newSession(w.t.dataSource, w.therapist, w.client)).id }), field: ['cancelSession'], expect: therapistWrite({ owner: 'ok' }) },
  { name: 'completeSession', kind: 'mutation', document: 'mutation($id: ID!) { completeSession(id: $id) { id } }', variables: async (w) => ({ id: (await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -2 })).id }), field: ['completeSession'], expect: therapistWrite({ owner: F }) },
  { name: 'markSessionNoShow', kind: 'mutation', document: 'mutation($id: ID!) { markSessionNoShow(id: $id) { id } }', variables: async (w) => ({ id: (await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -2 })).id }), field: ['markSessionNoShow'], expect: therapistWrite({ owner: F }) },
  { name: 'setSessionAgenda', kind: 'mutation', document: 'mutation($id: ID!) { setSessionAgenda(sessionId: $id, agenda: "work stress") { id } }', variables: async (w) => ({ id: (await newSession(w.t.dataSource, w.therapist, w.client)).id }), field: ['setSessionAgenda'], expect: ownerWrite() },
  { name: 'writeSessionNote', kind: 'mutation', document: 'mutation($id: ID!) { writeSessionNote(sessionId: $id, body: "notes") { id } }', variables: async (w) => ({ id: (await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -2, status: 'COMPLETED' })).id }), field: ['writeSessionNote'], expect: therapistWrite() },
  {
    name: 'signSessionNote', kind: 'mutation', document: 'mutation($id: ID!) { signSessionNote(sessionId: $id) { id } }',
    variables: async (w) => {
      const s = await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -2, status: 'COMPLETED' });
      await w.t.dataSource.getRepository(SessionNoteEntity).insert({ sessionId: s.id, authorId: w.therapist.id, body: 'n' });
      return { id: s.id };
    },
    field: ['signSessionNote'], expect: therapistWrite(),
  },
  {
    name: 'addSessionNoteAddendum', kind: 'mutation', document: 'mutation($id: ID!) { addSessionNoteAddendum(sessionId: $id, body: "later") { id } }',
    variables: async (w) => {
      const s = await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -2, status: 'COMPLETED' });
      await w.t.dataSource.getRepository(SessionNoteEntity).insert({ sessionId: s.id, authorId: w.therapist.id, body: 'n', signedAt: new Date() });
      return { id: s.id };
    },
    field: ['addSessionNoteAddendum'], expect: therapistWrite(),
  },

  // ---- reflections ----
  { name: 'reflections', kind: 'query', document: 'query($c: ID) { reflections(clientId: $c, updatedSince: "2000-01-01T00:00:00Z") { edges { cursor } } }', variables: async (w) => ({ c: w.client.id }), field: ['reflections'], expect: clinicalRead({ admin: F }) },
  { name: 'reflection (private)', kind: 'query', document: 'query($id: ID!) { reflection(id: $id) { body } }', variables: async (w) => ({ id: (await newReflection(w.t.dataSource, w.client)).id }), field: ['reflection'], expect: clinicalRead({ therapist: NF }) },
  {
    name: 'Reflection.body (shared)', kind: 'field', document: 'query($id: ID!) { reflection(id: $id) { body responses { body } } }',
    variables: async (w) => ({ id: (await newReflection(w.t.dataSource, w.client, { sharedWithId: w.therapist.id, sharedAt: new Date() })).id }), field: ['reflection', 'body'], expect: clinicalRead(),
  },
  {
    name: 'ReflectionResponse.author', kind: 'field', document: 'query($id: ID!) { reflection(id: $id) { responses { author { displayName } } } }',
    variables: async (w) => {
      const shared = await newReflection(w.t.dataSource, w.client, { sharedWithId: w.therapist.id, sharedAt: new Date() });
      await w.t.dataSource.getRepository(ReflectionResponseEntity).insert({ reflectionId: shared.id, therapistId: w.therapist.id, body: 'thank you for writing this' });
      return { id: shared.id };
    },
    field: ['reflection', 'responses', '0', 'author', 'displayName'], expect: clinicalRead(),
  },
  {
    name: 'reflectionDraft', kind: 'query', document: '{ reflectionDraft { body } }',
    variables: async (w) => {
      await w.t.dataSource.getRepository(ReflectionDraftEntity).upsert({ clientId: w.client.id, body: 'half a thought' }, ['clientId']);
      return {};
    },
    field: ['reflectionDraft'], expect: all('none', { anonymous: U, owner: 'ok', token: 'ok' }),
  },
  {
    name: 'practicePrompts', kind: 'query', document: 'query($c: ID) { practicePrompts(clientId: $c) { id } }',
    variables: async (w) => {
      await w.t.dataSource.getRepository(PracticePromptEntity).save({ clientId: w.client.id, therapistId: w.therapist.id, body: 'notice' });
      return { c: w.client.id };
    }, field: ['practicePrompts'], expect: clinicalRead() },
  { name: 'writeReflection', kind: 'mutation', document: 'mutation { writeReflection(input: { body: "a line" }) { id } }', field: ['writeReflection'], expect: all(F, { anonymous: U, owner: 'ok', otherClient: 'ok' }) },
  { name: 'saveReflectionDraft', kind: 'mutation', document: 'mutation { saveReflectionDraft(body: "a line", mood: 3) { body } }', field: ['saveReflectionDraft'], expect: all(F, { anonymous: U, owner: 'ok', otherClient: 'ok' }) },
  { name: 'shareReflection', kind: 'mutation', document: 'mutation($id: ID!) { shareReflection(id: $id) { id } }', variables: async (w) => ({ id: (await newReflection(w.t.dataSource, w.client)).id }), field: ['shareReflection'], expect: ownerWrite() },
  { name: 'unshareReflection', kind: 'mutation', document: 'mutation($id: ID!) { unshareReflection(id: $id) { id } }', variables: async (w) => ({ id: (await newReflection(w.t.dataSource, w.client, { sharedWithId: w.therapist.id, sharedAt: new Date() })).id }), field: ['unshareReflection'], expect: ownerWrite() },
  { name: 'respondToReflection (shared)', kind: 'mutation', document: 'mutation($id: ID!) { respondToReflection(id: $id, body: "thank you") { id } }', variables: async (w) => ({ id: (await newReflection(w.t.dataSource, w.client, { sharedWithId: w.therapist.id, sharedAt: new Date() })).id }), field: ['respondToReflection'], expect: therapistWrite() },
  { name: 'respondToReflection (private)', kind: 'mutation', document: 'mutation($id: ID!) { respondToReflection(id: $id, body: "thank you") { id } }', variables: async (w) => ({ id: (await newReflection(w.t.dataSource, w.client)).id }), field: ['respondToReflection'], expect: therapistWrite({ therapist: NF }) },
  { name: 'setPracticePrompt', kind: 'mutation', document: 'mutation($c: ID!) { setPracticePrompt(input: { clientId: $c, body: "notice" }) { id } }', variables: async (w) => ({ c: w.client.id }), field: ['setPracticePrompt'], expect: therapistWrite({ owner: F, otherClient: F, admin: F }) },
  {
    name: 'archivePracticePrompt', kind: 'mutation', document: 'mutation($id: ID!) { archivePracticePrompt(id: $id) }',
    variables: async (w) => ({ id: (await w.t.dataSource.getRepository(PracticePromptEntity).save({ clientId: w.client.id, therapistId: w.therapist.id, body: 'notice' })).id }),
    field: ['archivePracticePrompt'], expect: therapistWrite(),
  },

  // ---- check-ins ----
  { name: 'checkIns', kind: 'query', document: 'query($c: ID) { checkIns(clientId: $c, updatedSince: "2000-01-01T00:00:00Z") { edges { cursor } } }', variables: async (w) => ({ c: w.client.id }), field: ['checkIns'], expect: clinicalRead({ admin: F }) },
  {
    name: 'submitCheckIn', kind: 'mutation', document: 'mutation($id: ID!) { submitCheckIn(input: { sessionId: $id, bond: 8, goals: 8, approach: 8, overall: 8 }) { id } }',
    variables: async (w) => ({ id: (await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -2, status: 'COMPLETED' })).id }),
    field: ['submitCheckIn'], expect: ownerWrite({ therapist: F, otherTherapist: F, admin: F }),
  },
  {
    name: 'acknowledgeCheckIn', kind: 'mutation', document: 'mutation($id: ID!) { acknowledgeCheckIn(id: $id) { id } }',
    variables: async (w) => ({ id: (await newCheckIn(w.t.dataSource, await newSession(w.t.dataSource, w.therapist, w.client, { hoursFromNow: -2, status: 'COMPLETED' }), { overall: 3 })).id }),
    field: ['acknowledgeCheckIn'], expect: therapistWrite(),
  },

  // ---- outcome measures and safety flags ----
  { name: 'measureDefinitions', kind: 'query', document: '{ measureDefinitions { name } }', field: ['measureDefinitions'], expect: all('ok', { anonymous: U, caseloadToken: F }) },
  {
    name: 'dueMeasures', kind: 'query', document: '{ dueMeasures { kind } }', variables: async (w) => { await askForPhq9(w); return {}; }, field: ['dueMeasures'],
    expect: all('none', { anonymous: U, owner: 'ok', token: 'ok', caseloadToken: F }),
  },
  { name: 'measureSchedules', kind: 'query', document: 'query($c: ID) { measureSchedules(clientId: $c) { schedule } }', variables: async (w) => ({ c: w.client.id }), field: ['measureSchedules'], expect: clinicalRead() },
  { name: 'measureResponses', kind: 'query', document: 'query($c: ID) { measureResponses(clientId: $c) { edges { cursor } } }', variables: async (w) => ({ c: w.client.id }), field: ['measureResponses'], expect: clinicalRead({ admin: F, adminToken: F }) },
  { name: 'safetyFlags', kind: 'query', document: '{ safetyFlags { edges { cursor } } }', field: ['safetyFlags'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: 'ok', therapistToken: 'ok' }) },
  {
    name: 'setMeasureSchedule', kind: 'mutation', document: 'mutation($c: ID!) { setMeasureSchedule(input: { clientId: $c, kind: PHQ9, schedule: EVERY_4_WEEKS }) { schedule } }',
    variables: async (w) => ({ c: w.client.id }), field: ['setMeasureSchedule'], expect: therapistWrite({ owner: F, otherClient: F, admin: F }),
  },
  { name: 'saveMeasureDraft', kind: 'mutation', document: 'mutation { saveMeasureDraft(input: { kind: GAD7, answers: [1, null, 2] }) }', field: ['saveMeasureDraft'], expect: all(F, { anonymous: U, owner: 'ok', otherClient: 'ok' }) },
  {
    name: 'submitMeasure', kind: 'mutation', document: 'mutation { submitMeasure(input: { kind: PHQ9, answers: [1, 1, 0, 0, 0, 0, 0, 0, 0] }) { safetyConcern } }',
    variables: async (w) => { await askForPhq9(w); return {}; }, field: ['submitMeasure'], expect: all(F, { anonymous: U, owner: 'ok', otherClient: 'CONFLICT' }),
  },
  {
    name: 'acknowledgeSafetyFlag', kind: 'mutation', document: 'mutation($id: ID!) { acknowledgeSafetyFlag(id: $id, note: "Phoned them the same day.") { id } }',
    variables: async (w) => {
      const [response] = await w.t.dataSource.query(
        `INSERT INTO measure_responses (client_id, therapist_id, kind, answers, total, band, safety_concern) VALUES ($1, $2, 'PHQ9', '{0,0,0,0,0,0,0,0,1}', 1, 'MINIMAL', true) RETURNING id`,
        [w.client.id, w.therapist.id],
      );
      const [flag] = await w.t.dataSource.query(`INSERT INTO safety_flags (client_id, therapist_id, response_id) VALUES ($1, $2, $3) RETURNING id`, [w.client.id, w.therapist.id, response.id]);
      return { id: flag.id };
    },
    field: ['acknowledgeSafetyFlag'], expect: therapistWrite(),
  },

  // ---- content (public reads) ----
  { name: 'articles', kind: 'query', document: '{ articles { edges { cursor } } }', field: ['articles'], expect: all('ok') },
  { name: 'article', kind: 'query', document: 'query($s: String!) { article(slug: $s) { title } }', variables: async (w) => ({ s: (await newArticle(w.t.dataSource, w.therapist.id)).slug }), field: ['article'], expect: all('ok') },

  { name: 'articleTags', kind: 'query', document: '{ articleTags { name count } }', variables: async (w) => { await newArticle(w.t.dataSource, w.therapist.id, { tags: ['grief'] }); return {}; }, field: ['articleTags'], expect: all('ok') },
  { name: 'siteInfo', kind: 'query', document: '{ siteInfo { practiceName } }', field: ['siteInfo'], expect: all('ok') },
  { name: 'therapists', kind: 'query', document: '{ therapists { edges { cursor } } }', field: ['therapists'], expect: all('ok') },
  { name: 'therapist', kind: 'query', document: '{ therapist(slug: "nobody-here") { displayName } }', field: ['therapist'], expect: all('none') },
  { name: 'adminArticles', kind: 'query', document: '{ adminArticles { edges { cursor } } }', variables: async (w) => { await newArticle(w.t.dataSource, w.therapist.id, { status: 'DRAFT', publishedAt: null }); return {}; }, field: ['adminArticles'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: 'ok', admin: 'ok' }) },
  { name: 'adminArticle', kind: 'query', document: 'query($id: ID!) { adminArticle(id: $id) { title } }', variables: async (w) => ({ id: (await newArticle(w.t.dataSource, w.therapist.id, { status: 'DRAFT', publishedAt: null })).id }), field: ['adminArticle'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: NF, admin: 'ok' }) },
  { name: 'articleRevisions', kind: 'query', document: 'query($id: ID!) { articleRevisions(articleId: $id) { edges { cursor } } }', variables: async (w) => ({ id: (await newArticle(w.t.dataSource, w.therapist.id, { status: 'DRAFT', publishedAt: null })).id }), field: ['articleRevisions'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: NF, admin: 'ok' }) },
  { name: 'articleAuthors', kind: 'query', document: '{ articleAuthors { id } }', field: ['articleAuthors'], expect: { ...adminOnly(), adminToken: 'ok' } },
  { name: 'previewMarkdown', kind: 'query', document: '{ previewMarkdown(markdown: "**hello**") }', field: ['previewMarkdown'], expect: { ...adminOnly(), adminToken: 'ok' } },
  { name: 'createArticle', kind: 'mutation', document: 'mutation { createArticle(input: { title: "A new piece", summary: "About it", bodyMarkdown: "Words." }) { id } }', field: ['createArticle'], expect: adminOnly() },
  {
    name: 'updateArticle', kind: 'mutation', document: 'mutation($id: ID!) { updateArticle(id: $id, input: { version: 1, title: "Renamed" }) { id } }',
    variables: async (w) => ({ id: (await newArticle(w.t.dataSource, w.therapist.id, { status: 'DRAFT', publishedAt: null })).id }), field: ['updateArticle'], expect: adminOnly(),
  },
  { name: 'publishArticle', kind: 'mutation', document: 'mutation($id: ID!) { publishArticle(id: $id) { id } }', variables: async (w) => ({ id: (await newArticle(w.t.dataSource, w.therapist.id, { status: 'DRAFT', publishedAt: null })).id }), field: ['publishArticle'], expect: adminOnly() },
  { name: 'unpublishArticle', kind: 'mutation', document: 'mutation($id: ID!) { unpublishArticle(id: $id) { id } }', variables: async (w) => ({ id: (await newArticle(w.t.dataSource, w.therapist.id)).id }), field: ['unpublishArticle'], expect: adminOnly() },
  { name: 'archiveArticle', kind: 'mutation', document: 'mutation($id: ID!) { archiveArticle(id: $id) { id } }', variables: async (w) => ({ id: (await newArticle(w.t.dataSource, w.therapist.id)).id }), field: ['archiveArticle'], expect: adminOnly() },
  {
    name: 'restoreArticleRevision', kind: 'mutation', document: 'mutation($a: ID!, $r: ID!) { restoreArticleRevision(articleId: $a, revisionId: $r, version: 1) { id } }',
    variables: async () => ({ a: randomUUID(), r: randomUUID() }), field: ['restoreArticleRevision'], expect: all(F, { anonymous: U, admin: NF }),
  },
  {
    name: 'shareArticle', kind: 'mutation', document: 'mutation($a: ID!, $c: ID!) { shareArticle(input: { articleId: $a, clientId: $c, note: "this made me think of you" }) { id } }',
    variables: async (w) => ({ a: (await newArticle(w.t.dataSource, w.therapist.id)).id, c: w.client.id }), field: ['shareArticle'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: NF }),
  },
  {
    name: 'sharedArticles', kind: 'query', document: 'query($c: ID) { sharedArticles(clientId: $c) { edges { cursor } } }',
    variables: async (w) => {
      await w.t.dataSource.query('INSERT INTO shared_articles (article_id, therapist_id, client_id, note) VALUES ($1, $2, $3, $4)', [(await newArticle(w.t.dataSource, w.therapist.id)).id, w.therapist.id, w.client.id, 'for you']);
      return { c: w.client.id };
    },
    field: ['sharedArticles'], expect: clinicalRead({ admin: F }),
  },
  { name: 'articleRecipients', kind: 'query', document: '{ articleRecipients { id } }', field: ['articleRecipients'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: 'ok', caseloadToken: 'ok' }) },
  { name: 'myTherapistProfile', kind: 'query', document: '{ myTherapistProfile { displayName } }', field: ['myTherapistProfile'], expect: all('none', { anonymous: U }) },
  {
    name: 'saveTherapistProfile', kind: 'mutation', document: 'mutation { saveTherapistProfile(input: { displayName: "A Therapist", approach: "Warm and direct.", acceptingNewClients: true, published: false }) { displayName } }',
    field: ['saveTherapistProfile'], expect: all(F, { anonymous: U, therapist: 'ok', otherTherapist: 'ok', admin: BAD }),
  },
  {
    name: 'requestFirstConversation', kind: 'mutation', document: 'mutation($e: String!) { requestFirstConversation(input: { name: "Someone", email: $e, message: "I would like to talk." }) }',
    variables: async () => ({ e: `someone-${randomUUID()}@example.test` }), field: ['requestFirstConversation'], expect: all('ok'),
    // Each cell from its own address: the per-address limit is tested with the form, not here.
    headers: () => ({ 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` }),
  },
  { name: 'firstConversationRequests', kind: 'query', document: '{ firstConversationRequests { edges { cursor } } }', field: ['firstConversationRequests'], expect: adminOnly() },
  {
    name: 'markFirstConversationRequestHandled', kind: 'mutation', document: 'mutation($id: ID!) { markFirstConversationRequestHandled(id: $id) { id } }',
    variables: async (w) => ({ id: (await w.t.dataSource.query(`INSERT INTO first_conversation_requests (name, email, preferred_contact) VALUES ('Someone', 'someone@example.test', 'EMAIL') RETURNING id`))[0].id }),
    field: ['markFirstConversationRequestHandled'], expect: adminOnly(),
  },

  // Last: it ends each caller's session.
  { name: 'signOut', kind: 'mutation', document: 'mutation { signOut }', field: ['signOut'], expect: all('ok', { token: F }) },
];


/** A field path from a root operation to a field whose rule the root's own scope does not cover. */
interface Crossing {
  kind: 'query' | 'mutation';
  root: string;
  rootScopes: readonly string[];
  path: string;
  field: string;
  needs: readonly string[];
  /** Every scope the path needs beyond the root's, one per crossing on the way. */
  pathNeeds: string[];
  /** The first field on the path a root-scoped token is refused at. */
  firstRefused: string;
  document: string;
}

const MAX_PATH_DEPTH = 8;

/**
 * Depth-first from one root operation through every object field (no type twice on a path). Records
 * fields without a rule, and each field (once per root) whose rule the root's scopes do not satisfy.
 */
function walkFieldPaths(rootType: GraphQLObjectType, root: GraphQLField<unknown, unknown>, rootRule: ScopeRule, unruled: Set<string>, crossings: Crossing[]) {
  const kind = rootType.name === 'Mutation' ? 'mutation' : 'query';
  const rootScopes = rootRule === 'open' ? [] : rootRule;
  // Tokens cannot call a root that is closed to them; its fields still need rules.
  const callable = rootRule === 'open' || rootRule.length > 0;
  const seen = new Set<string>();
  const visit = (type: GraphQLObjectType, trail: { parent: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[], pathNeeds: string[], firstRefused: string | null, types: Set<string>) => {
    if (trail.length >= MAX_PATH_DEPTH) return;
    for (const field of Object.values(type.getFields())) {
      const rule = scopeRuleOf(type, field);
      const name = `${type.name}.${field.name}`;
      if (rule === undefined) unruled.add(name);
      const next = [...trail, { parent: type, field }];
      const covered = rule === 'open' || (rule !== undefined && rule.some((scope) => rootScopes.includes(scope) || pathNeeds.includes(scope)));
      const needs = rule === undefined || rule === 'open' ? [] : rule;
      const nextNeeds = covered || needs.length === 0 ? pathNeeds : [...pathNeeds, needs[0]!];
      const refusedAt = firstRefused ?? (covered ? null : name);
      if (callable && !covered && !seen.has(name)) {
        seen.add(name);
        crossings.push({
          kind, root: `${rootType.name}.${root.name}`, rootScopes, field: name, needs, pathNeeds: nextNeeds, firstRefused: refusedAt!,
          path: [root.name, ...next.map((step) => step.field.name)].join('.'),
          document: documentFor(kind, root, next.map((step) => step.field)),
        });
      }
      const named = getNamedType(field.type);
      if (isObjectType(named) && !types.has(named.name)) visit(named, next, nextNeeds, refusedAt, new Set([...types, named.name]));
    }
  };
  const start = getNamedType(root.type);
  if (isObjectType(start)) visit(start, [], [], null, new Set([start.name]));
}

/** A document selecting one path, with placeholder values for required arguments (refusal comes before they matter). */
function documentFor(kind: 'query' | 'mutation', root: GraphQLField<unknown, unknown>, path: GraphQLField<unknown, unknown>[]) {
  const selection = (field: GraphQLField<unknown, unknown>) => {
    const args = field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => `${arg.name}: ${placeholder(arg.type)}`);
    return `${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
  };
  const last = path.at(-1);
  const leaf = last && isObjectType(getNamedType(last.type)) ? ' { __typename }' : last ? '' : ' { __typename }';
  return `${kind} { ${[root, ...path].map(selection).join(' { ')}${leaf}${' }'.repeat(path.length)} }`;
}

function placeholder(type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (isListType(isNonNullType(type) ? type.ofType : type)) return '[]';
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${placeholder(f.type)}`).join(', ')} }`;
  }
  if (named.name === 'Int' || named.name === 'Float') return '1';
  if (named.name === 'Boolean') return 'true';
  if (named.name === 'ID') return '"00000000-0000-4000-8000-000000000000"';
  if (named.name === 'DateTime') return '"2030-01-01T00:00:00.000Z"';
  return '"x"';
}

function expectationOf(c: Case): Expectation {
  // Public operations answer a token as they answer anyone; read-only tokens cannot write otherwise.
  const isPublic = c.expect.anonymous !== 'UNAUTHENTICATED';
  const write = c.kind === 'mutation';
  return {
    therapistToken: write ? c.expect.token : c.expect.therapist,
    adminToken: write ? c.expect.token : c.expect.admin,
    caseloadToken: isPublic ? (write ? c.expect.token : c.expect.therapist) : F,
    ...c.expect,
  };
}

function outcomeOf(result: { data: unknown; errors?: { extensions: { code: string } }[] }, field: string[]): Outcome {
  if (result.errors?.length) return result.errors[0]!.extensions.code as Outcome;
  let value: unknown = result.data;
  for (const key of field) value = (value as Record<string, unknown> | null)?.[key];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'none';
  return 'ok';
}

describe('the authorization matrix', () => {
  let t: TestApp;
  let world: World;
  let adminUser: UserEntity;
  const callers = {} as Record<Actor, { http: Http; headers: Record<string, string> }>;

  beforeAll(async () => {
    // Every token cell and field path is a request: the per-token limit is not what is tested here.
    t = await startTestApp({ API_RATE_LIMIT_PER_MINUTE: '100000' });
    const ds = t.dataSource;
    const therapist = await newPerson(ds, 'THERAPIST');
    const otherTherapist = await newPerson(ds, 'THERAPIST');
    const client = await newPerson(ds, 'CLIENT');
    const otherClient = await newPerson(ds, 'CLIENT');
    const admin = await newPerson(ds, 'ADMIN');
    await newCare(ds, therapist, client);
    await newCare(ds, otherTherapist, otherClient);
    world = { t, client, therapist, otherClient, otherTherapist };
    adminUser = admin;
    const owner = await signedIn(t, client);
    const readScopes = READ_SCOPES.map((scope) => `"${scope}"`).join(', ');
    const created = await gql<{ createApiToken: { token: string } }>(owner, `mutation { createApiToken(input: { name: "matrix", scopes: [${readScopes}] }) { token } }`);
    const bearer = async (user: UserEntity, scopes: string[]) => ({ http: t.http, headers: { authorization: `Bearer ${await newApiToken(ds, user, scopes)}` } });
    Object.assign(callers, {
      anonymous: { http: browser(t), headers: {} },
      owner: { http: owner, headers: {} },
      otherClient: { http: await signedIn(t, otherClient), headers: {} },
      therapist: { http: await signedIn(t, therapist), headers: {} },
      otherTherapist: { http: await signedIn(t, otherTherapist), headers: {} },
      admin: { http: await signedIn(t, admin), headers: {} },
      token: { http: t.http, headers: { authorization: `Bearer ${created.data!.createApiToken.token}` } },
      therapistToken: await bearer(therapist, READ_SCOPES),
      caseloadToken: await bearer(therapist, ['caseload:read']),
      adminToken: await bearer(admin, READ_SCOPES),
    });
  });
  const sections: { matrix?: string; fieldPaths?: string } = {};
  afterAll(async () => {
    await t.close();
    // Written only when every part passed, so the page never shows a run that failed.
    if (!sections.matrix || !sections.fieldPaths) return;
    const doc = [
      '# Authorization matrix',
      '',
      'Written by `apps/api/test/integration/authorization-matrix.int-spec.ts` on every test run.',
      '',
      '## Every operation, by every kind of caller',
      '',
      sections.matrix,
      '',
      '## API tokens on every field path',
      '',
      sections.fieldPaths,
      '',
    ].join('\n');
    fs.writeFileSync(path.resolve(__dirname, '../../../../docs/authorization-matrix.md'), doc);
  });

  it('has a row for every query and mutation in the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const covered = new Set(CASES.filter((c) => c.kind !== 'field').map((c) => c.name.split(' ')[0]));
    const missing = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].filter((name) => !covered.has(name));
    expect(missing).toEqual([]);
  });

  it('checks an API token on every field path from every root operation, for tokens of each role', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const unruled = new Set<string>();
    const crossings: Crossing[] = [];
    for (const rootType of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const root of Object.values(rootType.getFields())) {
        const rootRule = scopeRuleOf(rootType, root);
        if (rootRule === undefined) unruled.add(`${rootType.name}.${root.name}`);
        walkFieldPaths(rootType, root, rootRule ?? [], unruled, crossings);
      }
    }
    // A field that does not say what a token needs fails here (it is closed to tokens meanwhile).
    expect([...unruled]).toEqual([]);

    // What the words people wrote need, stated apart from the code that enforces it.
    const needs = (name: string) => {
      const [typeName, fieldName] = name.split('.') as [string, string];
      const type = schema.getType(typeName) as GraphQLObjectType;
      return scopeRuleOf(type, type.getFields()[fieldName]!);
    };
    expect(needs('Session.note')).toEqual(['notes:read']);
    expect(needs('SessionNote.body')).toEqual(['notes:read']);
    expect(needs('NoteAddendum.body')).toEqual(['notes:read']);
    expect(needs('Session.agenda')).toEqual(['sessions:read']);
    expect(needs('Session.cancelReason')).toEqual(['sessions:read']);
    expect(needs('CheckIn.comment')).toEqual(['checkins:read']);
    expect(needs('Reflection.body')).toEqual(['reflections:read']);
    // Notes are never implied by another area.
    expect(crossings.filter((c) => c.needs.includes('notes:read') && c.needs.length > 1)).toEqual([]);
    // From the caseload, every path to words or notes is a crossing that caseload:read does not open.
    const fromCaseload = new Set(crossings.filter((c) => c.root === 'Query.caseload').map((c) => c.field));
    for (const field of ['Session.note', 'Session.agenda', 'Session.cancelReason', 'Session.joinDetails', 'CheckIn.comment']) expect(fromCaseload).toContain(field);

    // Live: each crossing refused for a token of each role holding only the root's scope, and let
    // through (queries only: mutations would run) for one that also holds what the path needs.
    const tokens = new Map<string, string>();
    const tokenFor = async (user: UserEntity, scopes: string[]) => {
      const key = `${user.id} ${[...scopes].sort().join(' ')}`;
      if (!tokens.has(key)) tokens.set(key, await newApiToken(t.dataSource, user, scopes));
      return tokens.get(key)!;
    };
    const owners = [world.client, world.therapist, adminUser];
    const problems: string[] = [];
    for (const crossing of crossings) {
      for (const owner of owners) {
        const base = crossing.rootScopes.length ? [...crossing.rootScopes] : ['account:read'];
        const refused = await gql(t.http, crossing.document, {}, { authorization: `Bearer ${await tokenFor(owner, base)}` });
        const error = refused.errors?.[0] as { extensions: { code: string; reason?: string; field?: string } } | undefined;
        if (refused.status !== 403 || error?.extensions.code !== 'FORBIDDEN' || error.extensions.reason !== 'MISSING_SCOPE' || error.extensions.field !== crossing.firstRefused) {
          problems.push(`${crossing.path} as a ${owner.role} token with ${base.join(' ')}: ${refused.status} ${JSON.stringify(error?.extensions)}`);
        }
        if (crossing.kind === 'query') {
          const granted = await gql(t.http, crossing.document, {}, { authorization: `Bearer ${await tokenFor(owner, [...base, ...crossing.pathNeeds])}` });
          const missing = granted.errors?.find((e) => (e.extensions as { reason?: string }).reason === 'MISSING_SCOPE');
          if (missing) problems.push(`${crossing.path} as a ${owner.role} token with what it needs: ${missing.message}`);
        }
      }
    }
    expect(problems).toEqual([]);

    sections.fieldPaths = [
      'An API token acts as its owner narrowed to its scopes on every field path, not only on the root operation: the',
      'whole operation is checked before anything runs, and a field the token cannot read refuses it with `FORBIDDEN`',
      '(`extensions.reason: MISSING_SCOPE`, `extensions.field`, `extensions.scopes`, HTTP 403). The test walks the schema',
      'from every root operation and lists each field path that reaches data the root\'s own scope does not cover; each row',
      'was refused live for a client\'s, a therapist\'s and an admin\'s token holding only the root\'s scope, and (for',
      'queries) let through once the token also held what the row names. What a token then sees of a record is decided',
      'by its owner\'s care relationships, as in the matrix above.',
      '',
      '| from | field path | the field | needs one of |',
      '| --- | --- | --- | --- |',
      ...crossings.map((c) => `| \`${c.root}\` (${c.rootScopes.join(', ') || 'public'}) | \`${c.path}\` | \`${c.field}\` | ${c.needs.map((n) => `\`${n}\``).join(', ')} |`),
    ].join('\n');
  });

  it('answers every caller as the policy says, and writes the matrix down', async () => {
    const table: string[] = [];
    const mismatches: string[] = [];
    for (const c of CASES) {
      const cells: string[] = [];
      const expected = expectationOf(c);
      for (const actor of ACTORS) {
        const variables = c.variables ? await c.variables(world) : {};
        const result = await gql(callers[actor].http, c.document, variables, { ...callers[actor].headers, ...c.headers?.() });
        const outcome = outcomeOf(result, c.field);
        if (outcome !== expected[actor]) mismatches.push(`${c.name} as ${actor}: expected ${expected[actor]}, got ${outcome}${result.errors ? ` (${result.errors[0]!.message})` : ''}`);
        cells.push(outcome === 'ok' ? '✓ allowed' : outcome === 'none' ? '· nothing' : outcome);
      }
      table.push(`| \`${c.name}\` | ${c.kind} | ${cells.join(' | ')} |`);
    }
    expect(mismatches).toEqual([]);
    sections.matrix = [
      'Each cell is what the running API answered. "✓ allowed" means it answered with data; "· nothing" means it',
      'answered with null or an empty value (a private field); otherwise the error code the caller got. Objects a caller',
      "may not see are answered as `NOT_FOUND`, never with their data. The owner's API token belongs to the owner client;",
      "the staff tokens to the client's therapist and an admin. Each holds every `:read` scope and nothing else, except",
      'the caseload token, which holds `caseload:read` only.',
      '',
      `| operation | kind | ${ACTORS.map((a) => ACTOR_TITLES[a]).join(' | ')} |`,
      `| --- | --- | ${ACTORS.map(() => '---').join(' | ')} |`,
      ...table,
    ].join('\n');
  });
});
