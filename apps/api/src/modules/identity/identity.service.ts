import { Injectable } from '@nestjs/common';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { DataSource } from 'typeorm';
import { MFA_REQUIRED_ROLES, signInSchema, totpCodeSchema } from '@attune/domain';
import type { PendingSignIn } from '../../common/auth/viewer';
import { parseInput, unauthenticated } from '../../common/errors';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { requestScope } from '../../common/request-context';
import { AuditService } from '../audit/audit.service';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AccountTokensRepository } from './account-tokens.repository';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, PasswordChecksService } from './password-checks.service';
import { sha256 } from './secrets';
import { AuthSessionsService } from './auth-sessions.service';
import { verifyTotp } from './totp';

const SIGN_IN_FAILED = "That email and password don't match an account. Please check them and try again.";
const ADDRESS_LIMITED = 'There have been many unsuccessful sign-ins from your network. Please wait 15 minutes and try again.';
export { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT } from './password-checks.service';
export const MFA_ATTEMPT_LIMIT = { points: 5, durationSeconds: 15 * 60 };

export type SignInOutcome = { user: UserEntity | null; mfaRequired: boolean; mfaEnrollmentRequired: boolean };

@Injectable()
export class IdentityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly sessions: AuthSessionsService,
    private readonly limits: RateLimitService,
    private readonly audit: AuditService,
    private readonly passwords: PasswordChecksService,
  ) {}

  async signIn(input: unknown, req: Request, res: Response): Promise<SignInOutcome> {
    const { email, password } = parseInput(signInSchema, input);
    const ip = requestScope.getStore()?.ip ?? 'unknown';
    // Spent before anything is checked, and given back below when the password is right.
    await this.limits.consume('sign-in-ip', ip, ADDRESS_FAILURE_LIMIT, ADDRESS_LIMITED);
    const accountKey = sha256(email);
    // Deactivated accounts are looked up as if they did not exist: the same answer as a wrong password.
    const user = await this.users.findActiveByEmail(email);
    let ok: boolean;
    try {
      ok = await this.passwords.verify(email, user?.passwordHash ?? null, password);
    } catch (error) {
      await this.limits.refund('sign-in-ip', ip, ADDRESS_FAILURE_LIMIT);
      throw error;
    }
    if (!user || !ok) {
      await this.audit.record({ action: 'auth.sign_in_failed', targetType: 'user', targetId: user?.id ?? null, subjectUserId: user?.id ?? null, metadata: { emailHash: accountKey } });
      throw unauthenticated(SIGN_IN_FAILED);
    }
    // A successful sign-in forgives earlier typos.
    await this.limits.reset('sign-in-account', accountKey, ACCOUNT_FAILURE_LIMIT);
    await this.limits.refund('sign-in-ip', ip, ADDRESS_FAILURE_LIMIT);

    const stage = user.mfaEnabled ? 'MFA_PENDING' : MFA_REQUIRED_ROLES.includes(user.role) ? 'MFA_ENROLLMENT' : 'ACTIVE';
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.start(user, stage, req, res, manager);
      await this.audit.record(
        { action: stage === 'ACTIVE' ? 'auth.sign_in' : 'auth.password_accepted', actor: { userId: user.id, role: user.role, tokenId: null }, targetType: 'user', targetId: user.id, subjectUserId: user.id },
        manager,
      );
    });
    return { user: stage === 'ACTIVE' ? user : null, mfaRequired: stage === 'MFA_PENDING', mfaEnrollmentRequired: stage === 'MFA_ENROLLMENT' };
  }

  /** Completes a sign-in with a TOTP code or a one-time recovery code; issues a fresh session id. */
  async verifyMfa(pending: PendingSignIn | null, rawCode: unknown, req: Request, res: Response): Promise<UserEntity> {
    if (!pending || pending.stage !== 'MFA_PENDING') throw unauthenticated('Please sign in with your email and password first.');
    await this.limits.consume('mfa', pending.userId, MFA_ATTEMPT_LIMIT, 'Too many codes were tried. For your safety, please wait 15 minutes and sign in again.');
    const code = typeof rawCode === 'string' ? rawCode.trim() : '';
    return this.dataSource.transaction(async (manager) => {
      // Lock the row: two requests with the same code cannot both succeed.
      const user = await this.users.lock(manager, pending.userId);
      if (!user?.mfaSecret) throw unauthenticated('Please sign in with your email and password first.');
      let method: 'totp' | 'recovery_code';
      if (totpCodeSchema.safeParse(code).success) {
        const step = await verifyTotp(user.mfaSecret, code, user.mfaLastStep === null ? null : Number(user.mfaLastStep));
        if (step === null) throw this.wrongCode(user.id);
        await this.users.update(user.id, { mfaLastStep: String(step) }, manager);
        method = 'totp';
      } else {
        if (!(await this.tokens.useRecoveryCode(manager, user.id, sha256(normalizeRecoveryCode(code))))) throw this.wrongCode(user.id);
        method = 'recovery_code';
      }
      await this.sessions.revoke(pending.sessionId, manager);
      await this.sessions.start(user, 'ACTIVE', req, res, manager);
      await this.audit.record({ action: 'auth.sign_in', actor: { userId: user.id, role: user.role, tokenId: null }, targetType: 'user', targetId: user.id, subjectUserId: user.id, metadata: { method } }, manager);
      await this.limits.reset('mfa', pending.userId, MFA_ATTEMPT_LIMIT);
      return user;
    });
  }

  async signOut(sessionId: string | null, actor: { userId: string; role: UserEntity['role'] } | null, res: Response) {
    // The ended session and its audit row commit together: after a crash there is never one without the other.
    await this.dataSource.transaction(async (manager) => {
      if (sessionId) await this.sessions.revoke(sessionId, manager);
      if (actor) await this.audit.record({ action: 'auth.sign_out', actor: { ...actor, tokenId: null }, targetType: 'user', targetId: actor.userId, subjectUserId: actor.userId }, manager);
    });
    this.sessions.clearCookie(res);
    return true;
  }

  private wrongCode(userId: string) {
    void this.audit.record({ action: 'auth.mfa_failed', targetType: 'user', targetId: userId, subjectUserId: userId });
    return unauthenticated("That code didn't work. Codes change every 30 seconds, so please use the newest one, or one of your recovery codes.");
  }
}

/** Recovery codes are shown in groups (abcd-efgh-ij); people may type them with or without dashes or capitals. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
