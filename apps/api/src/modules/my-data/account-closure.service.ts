import { Injectable } from '@nestjs/common';
import type { FastifyReply as Response } from 'fastify';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { forbidden } from '../../common/errors';
import { Policy } from '../../common/policy/policy';
import { AuditService } from '../audit/audit.service';
import { AccountTokensRepository } from '../identity/account-tokens.repository';
import { ApiTokensService } from '../identity/api-tokens.service';
import { PasswordChecksService } from '../identity/password-checks.service';
import { AuthSessionsService } from '../identity/auth-sessions.service';
import { MyDataRepository } from './my-data.repository';

/** Written as the cancel reason of upcoming sessions when a client closes their account. */
export const CLOSED_ACCOUNT_CANCEL_REASON = 'The client closed their account.';

/**
 * A client closes their own account. Access ends at once; what only they could see (private reflections,
 * the draft) is deleted at once; the clinical record stays with the practice for RETENTION_YEARS, then
 * `pnpm retention:purge` removes it.
 */
@Injectable()
export class AccountClosureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: MyDataRepository,
    private readonly accountTokens: AccountTokensRepository,
    private readonly passwords: PasswordChecksService,
    private readonly sessions: AuthSessionsService,
    private readonly apiTokens: ApiTokensService,
    private readonly audit: AuditService,
  ) {}

  async close(viewer: Viewer, password: string, res: Response) {
    if (!Policy.ownClientAccount(viewer)) throw forbidden('Closing an account here is for clients. An admin can deactivate a staff account.');
    // A wrong password throws BAD_USER_INPUT before anything is written.
    await this.passwords.requirePassword(viewer, password);
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const user = await this.records.lockUser(manager, viewer.userId);
      if (user.closedAt) return;
      await this.records.markClosed(manager, user, now);
      const sessionsEnded = await this.sessions.revokeAllForUser(user.id, null, manager);
      const tokensRevoked = await this.apiTokens.revokeAllForUser(user.id, manager);
      await this.accountTokens.expireUnusedOf(manager, user.id, now);
      // Private reflections nobody else has read go now; one with a therapist's response stays (see the repository).
      const privateDeleted = await this.records.deletePrivateReflections(manager, user.id);
      const draftsDeleted = await this.records.deleteReflectionDraft(manager, user.id);
      // Half-answered measures were never sent: they go like drafts.
      const measureDraftsDeleted = await this.records.deleteMeasureDrafts(manager, user.id);
      // The therapist's calendar should not keep sessions with someone who has left.
      const upcomingCancelled = await this.records.cancelUpcomingSessions(manager, user.id, now, CLOSED_ACCOUNT_CANCEL_REASON);
      await this.audit.record(
        {
          action: 'account.closed',
          actor: viewer,
          targetType: 'user',
          targetId: user.id,
          subjectUserId: user.id,
          metadata: {
            sessionsEnded,
            tokensRevoked,
            privateReflectionsDeleted: privateDeleted.affected ?? 0,
            draftsDeleted: draftsDeleted.affected ?? 0,
            measureDraftsDeleted: measureDraftsDeleted.affected ?? 0,
            upcomingSessionsCancelled: upcomingCancelled.affected ?? 0,
          },
        },
        manager,
      );
    });
    this.sessions.clearCookie(res);
    return true;
  }
}
