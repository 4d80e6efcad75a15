import type { EntityManager } from 'typeorm';
import { AccountTokenEntity } from './account-token.entity';
import { randomSecret, sha256 } from './secrets';

export type NewAccountToken = Partial<AccountTokenEntity> & Pick<AccountTokenEntity, 'purpose' | 'email' | 'expiresAt'>;

/** Stores a single-use link's hash and returns the secret, which only its email (or the admin command) carries. */
export async function issueAccountToken(manager: EntityManager, fields: NewAccountToken) {
  const token = randomSecret();
  await manager.insert(AccountTokenEntity, { ...fields, tokenHash: sha256(token) });
  return token;
}

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/accept-invitation#token=${token}`;
