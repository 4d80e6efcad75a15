import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../common/auth/viewer';
import { AppError, badInput } from '../../common/errors';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../users/users.repository';
import { decoyPasswordHash, verifyPassword } from './password';
import { sha256 } from './secrets';
import { AuthSessionsService } from './auth-sessions.service';

/**
 * Tries at a password per account and per address in 15 minutes. Unknown emails are counted like known
 * ones; a practice behind one shared address is not locked out by its own busy morning, because tries
 * that succeed are given back.
 */
export const ACCOUNT_FAILURE_LIMIT = { points: 5, durationSeconds: 15 * 60 };
export const ADDRESS_FAILURE_LIMIT = { points: 50, durationSeconds: 15 * 60 };
/** Sensitive changes from a session that proved the password longer ago than this ask for it again. */
export const RECENT_SIGN_IN_MS = 10 * 60_000;

export const ACCOUNT_LOCKED =
  'For your safety, signing in to this account is paused for 15 minutes after several unsuccessful tries. You can reset your password, or try again later.';
const WRONG_PASSWORD = "That password isn't right. Please try again.";

export const recentSignInRequired = () =>
  new AppError('FORBIDDEN', 'For your safety, please enter your password again to do this.', { reason: 'RECENT_SIGN_IN_REQUIRED' });

/**
 * Every password check goes through here, at sign-in and inside the account page alike. A try is spent
 * from the account's budget before argon2 runs (atomically, in Redis or memory), and given back when the
 * password is right: so forty guesses sent at once, or as aliases of one request, test at most five.
 */
@Injectable()
export class PasswordChecksService {
  constructor(
    private readonly users: UsersRepository,
    private readonly limits: RateLimitService,
    private readonly sessions: AuthSessionsService,
    private readonly audit: AuditService,
  ) {}

  /** True when `password` is the account's. Throws RATE_LIMITED, without checking, when the budget is spent. */
  async verify(email: string, passwordHash: string | null, password: string): Promise<boolean> {
    const accountKey = sha256(email);
    try {
      await this.limits.consume('sign-in-account', accountKey, ACCOUNT_FAILURE_LIMIT, ACCOUNT_LOCKED);
    } catch (error) {
      await this.audit.record({ action: 'auth.sign_in_refused_locked', metadata: { emailHash: accountKey } });
      throw error;
    }
    // Unknown emails cost the same argon2 verification as a wrong password.
    const matches = await verifyPassword(passwordHash ?? (await decoyPasswordHash()), password);
    const ok = matches && passwordHash !== null;
    if (ok) await this.limits.refund('sign-in-account', accountKey, ACCOUNT_FAILURE_LIMIT);
    return ok;
  }

  /** The signed-in person's password again (account page); a wrong one is a field problem at `path`. */
  async requirePassword(viewer: Viewer, password: string, path = ['password']) {
    const user = await this.users.getById(viewer.userId);
    if (!(await this.verify(user.email, user.passwordHash, password))) {
      await this.audit.record({ action: 'account.password_check_failed', actor: viewer, targetType: 'user', targetId: user.id, subjectUserId: user.id });
      throw badInput([{ path, message: WRONG_PASSWORD }]);
    }
    if (viewer.sessionId) await this.sessions.markAuthenticated(viewer.sessionId);
    return user;
  }

  /**
   * For creating tokens, changing the second factor and closing sessions: the session proved the
   * password within ten minutes, or the password comes with the request. Otherwise FORBIDDEN with
   * `reason: RECENT_SIGN_IN_REQUIRED`, so the portal knows to ask for it.
   */
  async requireRecentSignIn(viewer: Viewer, password: string | null | undefined) {
    if (password) return this.requirePassword(viewer, password);
    if (!viewer.sessionId || !(await this.sessions.authenticatedWithin(viewer.sessionId, RECENT_SIGN_IN_MS))) throw recentSignInRequired();
    return this.users.getById(viewer.userId);
  }
}
