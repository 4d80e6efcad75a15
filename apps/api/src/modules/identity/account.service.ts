import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import QRCode from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import { MFA_REQUIRED_ROLES, displayNameSchema, emailSchema, roleSchema, totpCodeSchema, z, type Role } from '@attune/domain';
import type { PendingSignIn, Viewer } from '../../common/auth/viewer';
import { badInput, forbidden, parseInput, unauthenticated } from '../../common/errors';
import { AfterResponse } from '../../common/background/after-response.service';
import { addressKeys } from '../../common/rate-limit/address';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { requestScope } from '../../common/request-context';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { CareRelationshipsRepository } from '../care/care-relationships.repository';
import { MailerService } from '../mail/mailer.service';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import type { AccountTokenEntity } from './account-token.entity';
import { AccountTokensRepository } from './account-tokens.repository';
import { invitationLink, issueAccountToken } from './account-tokens';
import { ApiTokensService } from './api-tokens.service';
import { MFA_ATTEMPT_LIMIT, normalizeRecoveryCode } from './identity.service';
import { hashPassword } from './password';
import { PasswordChecksService } from './password-checks.service';
import { assertAcceptablePassword } from './password-policy';
import { randomSecret, sha256 } from './secrets';
import { AuthSessionsService } from './auth-sessions.service';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

const INVITATION_DAYS = 7;
const RESET_MINUTES = 30;
const RECOVERY_CODE_COUNT = 10;
const RESET_REQUEST_LIMIT = { points: 5, durationSeconds: 60 * 60 };
/** From one address, across emails: a practice behind one shared address has room, a script trying lists does not. */
export const RESET_REQUESTS_PER_ADDRESS = { points: 20, durationSeconds: 60 * 60 };

const inviteSchema = z.object({ email: emailSchema, displayName: displayNameSchema, role: roleSchema });
const acceptSchema = z.object({ token: z.string().min(20).max(100), displayName: displayNameSchema.optional().nullable() });

export interface MfaEnrollment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

/** The account's own settings and the single-use links: invitations and password resets. */
@Injectable()
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly careRelationships: CareRelationshipsRepository,
    private readonly sessions: AuthSessionsService,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
    private readonly limits: RateLimitService,
    private readonly passwords: PasswordChecksService,
    private readonly apiTokens: ApiTokensService,
    private readonly afterResponse: AfterResponse,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- second factor -------------------------------------------------------------------------

  async mfaEnabled(userId: string) {
    const user = await this.users.getById(userId);
    return user.mfaEnabled;
  }

  /**
   * Right after the password (stage MFA_ENROLLMENT), or from the account page after a recent sign-in or
   * with the password again. Replacing a second factor that is on also needs a code from the current one.
   */
  async startMfaEnrollment(viewer: Viewer | null, pending: PendingSignIn | null, password: string | null, currentCode: string | null): Promise<MfaEnrollment> {
    const user = await this.userForMfaChange(viewer, pending, password, currentCode);
    const secret = newTotpSecret();
    await this.users.update(user.id, { mfaPendingSecret: secret });
    const otpauthUri = totpUri(secret, user.email);
    return { secret, otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }) };
  }

  /** Turns the second factor on, returns recovery codes (shown once), and ends every other session. */
  async confirmMfaEnrollment(viewer: Viewer | null, pending: PendingSignIn | null, rawCode: unknown, req: Request, res: Response): Promise<string[]> {
    const code = parseInput(totpCodeSchema, rawCode, ['code']);
    const userId = viewer?.userId ?? (pending?.stage === 'MFA_ENROLLMENT' ? pending.userId : null);
    if (!userId) throw unauthenticated();
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.lock(manager, userId);
      if (!user?.mfaPendingSecret) throw badInput([{ path: ['code'], message: 'Please start setting up your authenticator app again.' }]);
      const step = await verifyTotp(user.mfaPendingSecret, code, null);
      if (step === null) throw badInput([{ path: ['code'], message: "That code didn't match. Please enter the newest 6-digit code from your app." }]);
      const replacing = user.mfaEnabled;
      await this.users.update(user.id, { mfaSecret: user.mfaPendingSecret, mfaPendingSecret: null, mfaEnabled: true, mfaLastStep: String(step) }, manager);
      const codes = await this.replaceRecoveryCodes(user.id, manager);
      await this.sessions.revokeAllForUser(user.id, null, manager);
      // A new authenticator means the old one may be in someone else's hands: its tokens end too.
      const tokensRevoked = replacing ? await this.apiTokens.revokeAllForUser(user.id, manager) : 0;
      await this.sessions.start(user, 'ACTIVE', req, res, manager);
      await this.audit.record(
        {
          action: replacing ? 'account.mfa_replaced' : 'account.mfa_enabled',
          actor: { userId: user.id, role: user.role, tokenId: null },
          targetType: 'user',
          targetId: user.id,
          subjectUserId: user.id,
          metadata: { tokensRevoked },
        },
        manager,
      );
      return codes;
    });
  }

  /** Clients may turn the second factor off again (with password and a code); staff may not. */
  async disableMfa(viewer: Viewer, password: string, rawCode: unknown) {
    const user = await this.passwords.requirePassword(viewer, password);
    if (MFA_REQUIRED_ROLES.includes(user.role)) throw forbidden('Therapists and admins always sign in with a second factor.');
    const code = parseInput(totpCodeSchema, rawCode, ['code']);
    if (!user.mfaSecret || (await verifyTotp(user.mfaSecret, code, user.mfaLastStep === null ? null : Number(user.mfaLastStep))) === null) {
      throw badInput([{ path: ['code'], message: "That code didn't match. Please enter the newest 6-digit code from your app." }]);
    }
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(user.id, { mfaEnabled: false, mfaSecret: null, mfaLastStep: null }, manager);
      await this.tokens.deleteRecoveryCodesOf(manager, user.id);
      await this.sessions.revokeAllForUser(user.id, viewer.sessionId, manager);
      const tokensRevoked = await this.apiTokens.revokeAllForUser(user.id, manager);
      await this.audit.record({ action: 'account.mfa_disabled', actor: viewer, targetType: 'user', targetId: user.id, subjectUserId: user.id, metadata: { tokensRevoked } }, manager);
    });
    return true;
  }

  async regenerateRecoveryCodes(viewer: Viewer, password: string) {
    const user = await this.passwords.requirePassword(viewer, password);
    if (!user.mfaEnabled) throw badInput([{ path: ['password'], message: 'Recovery codes come with a second factor. Please set one up first.' }]);
    return this.dataSource.transaction(async (manager) => {
      const codes = await this.replaceRecoveryCodes(user.id, manager);
      await this.audit.record({ action: 'account.recovery_codes_replaced', actor: viewer, targetType: 'user', targetId: user.id, subjectUserId: user.id }, manager);
      return codes;
    });
  }

  private async replaceRecoveryCodes(userId: string, manager: EntityManager) {
    await this.tokens.deleteRecoveryCodesOf(manager, userId);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const raw = randomSecret(10).toLowerCase().replace(/[^a-z0-9]/g, '').padEnd(10, '0').slice(0, 10);
      return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
    });
    await this.tokens.insertRecoveryCodes(manager, userId, codes.map((code) => sha256(normalizeRecoveryCode(code))));
    return codes;
  }

  private async userForMfaChange(viewer: Viewer | null, pending: PendingSignIn | null, password: string | null, currentCode: string | null) {
    if (viewer) {
      const user = await this.passwords.requireRecentSignIn(viewer, password);
      if (user.mfaEnabled) await this.requireCurrentCode(user, currentCode);
      return user;
    }
    if (pending?.stage === 'MFA_ENROLLMENT') return this.users.getById(pending.userId);
    throw unauthenticated();
  }

  /** A code from the authenticator in use now, from the same budget as codes at sign-in. */
  private async requireCurrentCode(user: UserEntity, rawCode: string | null) {
    const code = parseInput(totpCodeSchema, rawCode ?? '', ['code']);
    await this.limits.consume('mfa', user.id, MFA_ATTEMPT_LIMIT, 'Too many codes were tried. For your safety, please wait 15 minutes and try again.');
    const step = user.mfaSecret ? await verifyTotp(user.mfaSecret, code, user.mfaLastStep === null ? null : Number(user.mfaLastStep)) : null;
    if (step === null) throw badInput([{ path: ['code'], message: "That code didn't match. Please enter the newest 6-digit code from the app you use now." }]);
    await this.users.update(user.id, { mfaLastStep: String(step) });
    await this.limits.reset('mfa', user.id, MFA_ATTEMPT_LIMIT);
  }

  // ---- password ------------------------------------------------------------------------------

  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string) {
    const user = await this.passwords.requirePassword(viewer, currentPassword, ['currentPassword']);
    assertAcceptablePassword(newPassword, [user.email, user.displayName], ['newPassword']);
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(user.id, { passwordHash }, manager);
      await this.sessions.revokeAllForUser(user.id, viewer.sessionId, manager);
      const tokensRevoked = await this.apiTokens.revokeAllForUser(user.id, manager);
      await this.audit.record({ action: 'account.password_changed', actor: viewer, targetType: 'user', targetId: user.id, subjectUserId: user.id, metadata: { tokensRevoked } }, manager);
    });
    return true;
  }

  // ---- invitations ---------------------------------------------------------------------------

  /**
   * Admins invite anyone; therapists invite clients, who start in their care. The answer is the same
   * whether or not the email already has an account, so inviting reveals nothing.
   */
  async invite(viewer: Viewer, input: unknown) {
    const { email, displayName, role } = parseInput(inviteSchema, input);
    if (viewer.role === 'CLIENT' || (viewer.role === 'THERAPIST' && role !== 'CLIENT')) {
      throw forbidden(viewer.role === 'THERAPIST' ? 'Therapists can invite clients. An admin can invite colleagues.' : undefined);
    }
    const existing = await this.users.findByEmail(email);
    const token = await this.dataSource.transaction(async (manager) => {
      await this.audit.record({ action: 'account.invitation_sent', actor: viewer, metadata: { role } }, manager);
      if (existing) return null;
      return issueAccountToken(this.tokens, manager, {
        purpose: 'INVITATION',
        email,
        role,
        displayName,
        therapistId: viewer.role === 'THERAPIST' ? viewer.userId : null,
        createdBy: viewer.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
    });
    // Email goes out after the commit, so nobody gets a link that does not exist.
    await this.mailer.send(
      token
        ? {
            to: email,
            subject: `${viewer.displayName} invited you to Attune`,
            text: `Hello ${displayName},\n\n${viewer.displayName} invited you to Attune. To set your password and sign in, open this link within ${INVITATION_DAYS} days:\n\n${invitationLink(this.config.PUBLIC_URL, token)}\n\nIf you weren't expecting this, you can ignore this email.\n`,
          }
        : {
            to: email,
            subject: 'You were invited to Attune',
            text: `Hello,\n\n${viewer.displayName} invited you to Attune, but you already have an account with this email address. You can sign in at ${this.config.PUBLIC_URL}/sign-in. If you have forgotten your password, you can reset it there.\n`,
          },
    );
    return true;
  }

  async acceptInvitation(input: unknown, password: string, req: Request, res: Response) {
    const { token, displayName } = parseInput(acceptSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.consumeToken(manager, 'INVITATION', token);
      if (await this.users.existsWithEmail(manager, invitation.email)) throw expiredLink();
      const name = displayName ?? invitation.displayName ?? invitation.email;
      assertAcceptablePassword(password, [invitation.email, name]);
      const user = await this.users.insert(manager, {
        email: invitation.email,
        displayName: name,
        role: (invitation.role ?? 'CLIENT') as Role,
        passwordHash: await hashPassword(password),
      });
      if (invitation.therapistId && user.role === 'CLIENT') {
        await this.careRelationships.insert(manager, { therapistId: invitation.therapistId, clientId: user.id });
      }
      const stage = MFA_REQUIRED_ROLES.includes(user.role) ? 'MFA_ENROLLMENT' : 'ACTIVE';
      await this.sessions.start(user, stage, req, res, manager);
      await this.audit.record({ action: 'account.invitation_accepted', actor: { userId: user.id, role: user.role, tokenId: null }, targetType: 'user', targetId: user.id, subjectUserId: user.id }, manager);
      return { user: stage === 'ACTIVE' ? user : null, mfaRequired: false, mfaEnrollmentRequired: stage === 'MFA_ENROLLMENT' };
    });
  }

  // ---- password reset ------------------------------------------------------------------------

  /**
   * Always answers the same, in the same time: after the limits, the answer goes back at once and the
   * lookup, the link and the email happen after it, so a known address is no slower than an unknown one.
   * Limited per email and per sending address, both counted for unknown emails too.
   */
  async requestPasswordReset(rawEmail: unknown) {
    const email = parseInput(emailSchema, rawEmail, ['email']);
    const { address } = addressKeys(requestScope.getStore()?.ip);
    await this.limits.consume('password-reset-address', address, RESET_REQUESTS_PER_ADDRESS, 'Several reset links were asked for from your network recently. Please try again in an hour.');
    await this.limits.consume('password-reset', sha256(email), RESET_REQUEST_LIMIT, 'Several reset links were sent recently. Please check your inbox, or try again in an hour.');
    this.afterResponse.run('A password reset email', () => this.sendResetLink(email));
    return true;
  }

  /** Only an existing, active account gets a link. */
  private async sendResetLink(email: string) {
    const user = await this.users.findActiveByEmail(email);
    if (!user) return;
    const token = await this.dataSource.transaction(async (manager) => {
      await this.audit.record({ action: 'account.password_reset_requested', targetType: 'user', targetId: user.id, subjectUserId: user.id }, manager);
      return issueAccountToken(this.tokens, manager, { purpose: 'PASSWORD_RESET', email, userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
    });
    await this.mailer.send({
      to: email,
      subject: 'Resetting your Attune password',
      text: `Hello ${user.displayName},\n\nTo choose a new password, open this link within ${RESET_MINUTES} minutes:\n\n${this.config.PUBLIC_URL}/reset-password#token=${token}\n\nIf you didn't ask for this, you can ignore this email: your password stays the same.\n`,
    });
  }

  /** Sets the new password and ends every session. It never signs in: the second factor still applies. */
  async resetPassword(rawToken: unknown, newPassword: string) {
    const token = parseInput(z.string().min(20).max(100), rawToken, ['token']);
    return this.dataSource.transaction(async (manager) => {
      const reset = await this.consumeToken(manager, 'PASSWORD_RESET', token);
      // A link sent before the account was deactivated no longer works.
      const user = await this.users.findActive(reset.userId!, manager);
      if (!user) throw expiredLink();
      assertAcceptablePassword(newPassword, [user.email, user.displayName], ['newPassword']);
      await this.users.update(user.id, { passwordHash: await hashPassword(newPassword) }, manager);
      await this.sessions.revokeAllForUser(user.id, null, manager);
      const tokensRevoked = await this.apiTokens.revokeAllForUser(user.id, manager);
      await this.audit.record({ action: 'account.password_reset', targetType: 'user', targetId: user.id, subjectUserId: user.id, metadata: { tokensRevoked } }, manager);
      return true;
    });
  }

  // ---- single-use links ----------------------------------------------------------------------

  /** Marks the link used in the same statement that checks it, so it works exactly once. */
  private async consumeToken(manager: EntityManager, purpose: AccountTokenEntity['purpose'], token: string) {
    const row = await this.tokens.lockUsable(manager, purpose, sha256(token));
    if (!row) throw expiredLink();
    await this.tokens.markUsed(manager, row.id);
    return row;
  }
}

const expiredLink = () =>
  badInput(
    [{ path: ['token'], message: 'This link has expired or has already been used.' }],
    'This link has expired or has already been used. You can ask for a new one.',
  );
