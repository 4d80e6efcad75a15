import type { EntityManager } from 'typeorm';
import type { AccountTokenEntity } from './account-token.entity';
import type { AccountTokensRepository } from './account-tokens.repository';
import { randomSecret, sha256 } from './secrets';

export type NewAccountToken = Partial<AccountTokenEntity> & Pick<AccountTokenEntity, 'purpose' | 'email' | 'expiresAt'>;

/** Stores a single-use link's hash and returns the secret, which only its email (or the admin command) carries. */
export async function issueAccountToken(tokens: AccountTokensRepository, manager: EntityManager, fields: NewAccountToken) {
  const token = randomSecret();
  await tokens.insert(manager, { ...fields, tokenHash: sha256(token) });
  return token;
}

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/accept-invitation#token=${token}`;
