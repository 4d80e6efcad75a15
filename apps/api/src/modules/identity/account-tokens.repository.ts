import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { AccountTokenEntity } from './account-token.entity';
import { RecoveryCodeEntity } from './recovery-code.entity';

/** The only place queries of single-use links (invitations, resets) and recovery codes live; every one runs in a transaction. */
@Injectable()
export class AccountTokensRepository {
  async insert(manager: EntityManager, token: Partial<AccountTokenEntity> & Pick<AccountTokenEntity, 'tokenHash' | 'purpose' | 'email' | 'expiresAt'>) {
    await manager.insert(AccountTokenEntity, token);
  }

  /** The unused, unexpired link with this hash, locked so it can be used once. */
  lockUsable(manager: EntityManager, purpose: AccountTokenEntity['purpose'], tokenHash: string) {
    return manager.getRepository(AccountTokenEntity).findOne({
      where: { tokenHash, purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markUsed(manager: EntityManager, id: string) {
    await manager.update(AccountTokenEntity, { id }, { usedAt: new Date() });
  }

  /** Every link of the person not yet used stops working. */
  async expireUnusedOf(manager: EntityManager, userId: string, at = new Date()) {
    await manager.update(AccountTokenEntity, { userId, usedAt: IsNull() }, { usedAt: at });
  }

  async deleteRecoveryCodesOf(manager: EntityManager, userId: string) {
    await manager.delete(RecoveryCodeEntity, { userId });
  }

  async insertRecoveryCodes(manager: EntityManager, userId: string, codeHashes: string[]) {
    await manager.insert(RecoveryCodeEntity, codeHashes.map((codeHash) => ({ userId, codeHash })));
  }

  /** Uses the recovery code if it is the person's and unused, in the statement that checks it; true when it was. */
  async useRecoveryCode(manager: EntityManager, userId: string, codeHash: string) {
    const used = await manager
      .createQueryBuilder()
      .update(RecoveryCodeEntity)
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND code_hash = :hash AND used_at IS NULL', { userId, hash: codeHash })
      .execute();
    return Boolean(used.affected);
  }
}
