import type { DataSource } from 'typeorm';
import { displayNameSchema, emailSchema, z } from '@attune/domain';
import { AuditEventsRepository } from '../audit/audit-events.repository';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository } from './account-tokens.repository';
import { invitationLink, issueAccountToken } from './account-tokens';

/** Short, because the link is printed on a terminal rather than sent to the person's inbox. */
export const ADMIN_INVITATION_HOURS = 24;

const adminInvitationSchema = z.object({ email: emailSchema, name: displayNameSchema });

export class AdminInvitationError extends Error {}

/**
 * What `pnpm admin:create` does: a single-use invitation for an admin, through the same invitation
 * mechanism as the portal's, so no password ever exists until the person chooses one.
 */
export async function createAdminInvitation(dataSource: DataSource, input: { email?: string; name?: string }, publicUrl: string) {
  const parsed = adminInvitationSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AdminInvitationError(`--${String(issue.path[0])}: ${issue.message}`);
  }
  const { email, name } = parsed.data;
  const expiresAt = new Date(Date.now() + ADMIN_INVITATION_HOURS * 3_600_000);
  const token = await dataSource.transaction(async (manager) => {
    if (await new UsersRepository(dataSource).existsWithEmail(manager, email)) {
      throw new AdminInvitationError(`${email} already has an account. Sign in with it, or use another email address.`);
    }
    await new AuditService(new AuditEventsRepository(dataSource)).record({ action: 'account.admin_invitation_created', metadata: { via: 'command line', role: 'ADMIN' } }, manager);
    return issueAccountToken(new AccountTokensRepository(), manager, { purpose: 'INVITATION', email, role: 'ADMIN', displayName: name, expiresAt });
  });
  return { link: invitationLink(publicUrl, token), expiresAt };
}
