import type { DataSource } from 'typeorm';
import { ApiTokenEntity } from '../src/modules/identity/api-token.entity';
import { API_TOKEN_PREFIX } from '../src/modules/identity/api-tokens.service';
import { randomSecret, sha256 } from '../src/modules/identity/secrets';
import { currentTotpStep, totpCodeAt } from '../src/modules/identity/totp';
import type { UserEntity } from '../src/modules/users/user.entity';
import { FACTORY_PASSWORD, newUser } from './factories/user.factory';
import { browser, gql, type TestApp } from './harness';

export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The current code for a secret, as an authenticator app would show it. */
export const totpNow = (secret = TEST_TOTP_SECRET) => totpCodeAt(secret, currentTotpStep());

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($email: String!, $password: String!) {
    signIn(input: { email: $email, password: $password }) { user { id role } mfaRequired mfaEnrollmentRequired }
  }
`;

/** Signs a person in through GraphQL as the portal does, second factor included, and returns their browser. */
export async function signedIn(t: TestApp, user: UserEntity, password = FACTORY_PASSWORD) {
  const agent = browser(t);
  const result = await gql<{ signIn: { mfaRequired: boolean } }>(agent, SIGN_IN, { email: user.email, password });
  if (result.errors) throw new Error(`sign-in failed: ${result.errors[0]!.message}`);
  if (result.data!.signIn.mfaRequired) {
    // Each code works once: wait for a fresh step if this user already used the current one.
    const verified = await gql(agent, 'mutation($code: String!) { verifyMfa(code: $code) { id } }', { code: await totpNow(user.mfaSecret!) });
    if (verified.errors) throw new Error(`verifyMfa failed: ${verified.errors[0]!.message}`);
  }
  return agent;
}

/** A person of a role, with the second factor on for therapists and admins, as the policy requires. */
export function newPerson(dataSource: DataSource, role: UserEntity['role'], overrides: Partial<UserEntity> = {}) {
  const staff = role !== 'CLIENT';
  return newUser(dataSource, { role, mfaEnabled: staff, mfaSecret: staff ? TEST_TOTP_SECRET : null, ...overrides });
}

/** An API token for a person, made as `createApiToken` stores one; returns the secret to send as a bearer. */
export async function newApiToken(dataSource: DataSource, user: UserEntity, scopes: string[]) {
  const secret = `${API_TOKEN_PREFIX}${randomSecret()}`;
  await dataSource.getRepository(ApiTokenEntity).insert({ userId: user.id, name: 'test', scopes: scopes as ApiTokenEntity['scopes'], tokenHash: sha256(secret) });
  return secret;
}
