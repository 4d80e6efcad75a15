import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idSchema } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { conflict, forbidden, notFound, parseInput } from '../../common/errors';
import { assertPolicy, Policy } from '../../common/policy/policy';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository } from './account-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { AuthSessionsService } from './auth-sessions.service';

/**
 * Admins end someone's access (a therapist who leaves) and give it back. A deactivated account keeps its
 * history; its sessions, API tokens and unused reset links end in the same transaction as the change.
 */
@Injectable()
export class AccountStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly sessions: AuthSessionsService,
    private readonly apiTokens: ApiTokensService,
    private readonly audit: AuditService,
  ) {}

  async deactivate(viewer: Viewer, rawId: unknown) {
    assertPolicy(Policy.manageUsers(viewer));
    const id = parseInput(idSchema, rawId, ['id']);
    if (id === viewer.userId) throw forbidden("You can't deactivate your own account. Another admin can do it for you.");
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.lock(manager, id);
      if (!user) throw notFound('That person');
      if (user.deactivatedAt) return true;
      await this.users.update(id, { deactivatedAt: new Date() }, manager);
      const sessionsEnded = await this.sessions.revokeAllForUser(id, null, manager);
      const tokensRevoked = await this.apiTokens.revokeAllForUser(id, manager);
      await this.tokens.expireUnusedOf(manager, id);
      await this.audit.record(
        { action: 'account.deactivated', actor: viewer, targetType: 'user', targetId: id, subjectUserId: id, metadata: { role: user.role, sessionsEnded, tokensRevoked } },
        manager,
      );
      return true;
    });
  }

  /** Sign-in works again with the same password; ended sessions and tokens stay ended. */
  async reactivate(viewer: Viewer, rawId: unknown) {
    assertPolicy(Policy.manageUsers(viewer));
    const id = parseInput(idSchema, rawId, ['id']);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.lock(manager, id);
      if (!user) throw notFound('That person');
      if (!user.deactivatedAt) return true;
      // Closing was the person's own choice, with their password: only they could undo it, and they cannot sign in.
      if (user.closedAt) throw conflict('This person closed their own account, so it can’t be reopened.');
      await this.users.update(id, { deactivatedAt: null }, manager);
      await this.audit.record({ action: 'account.reactivated', actor: viewer, targetType: 'user', targetId: id, subjectUserId: id, metadata: { role: user.role } }, manager);
      return true;
    });
  }
}
