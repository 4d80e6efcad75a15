import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@attune/domain';
import type { PendingSignIn, Viewer } from '../../common/auth/viewer';
import type { AppConfig } from '../../config/config';
import { afterCommit } from '../../database/after-commit';
import { APP_CONFIG } from '../../config/config.module';
import { UserEntity } from '../users/user.entity';
import type { AuthSessionStage } from './auth-session.entity';
import { AuthSessionsRepository } from './auth-sessions.repository';
import { SessionCache, type SessionRow } from './session-cache';
import { randomSecret, sha256 } from './secrets';

export const SESSION_COOKIE = 'attune_session';
/**
 * Over https the cookie carries the __Host- prefix: browsers then accept it only when Secure, for path /
 * and without a Domain, so a sibling subdomain cannot set or shadow it. Plain http keeps the old name.
 */
export const sessionCookieName = (publicUrl: string) => (publicUrl.startsWith('https://') ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);
const MINUTE = 60_000;
/** Sessions end after this long whatever happens. */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * MINUTE;
/** Clinical roles are signed out after this long without activity; a pending second factor waits less. */
export const IDLE_TIMEOUT_MS: Record<Role, number> = { CLIENT: 30 * MINUTE, THERAPIST: 30 * MINUTE, ADMIN: 60 * MINUTE };
const PENDING_TIMEOUT_MS = 10 * MINUTE;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = MINUTE;

export type ResolvedSession = { viewer: Viewer; pending: null } | { viewer: null; pending: PendingSignIn } | { viewer: null; pending: null };

/** Server-side sessions in an HttpOnly, SameSite cookie: revocable, with idle and absolute limits. */
@Injectable()
export class AuthSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authSessions: AuthSessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: SessionCache,
  ) {}

  private get cookieName() {
    return sessionCookieName(this.config.PUBLIC_URL);
  }

  /** A new session id on every sign-in and every change of stage (no session fixation). */
  async start(user: UserEntity, stage: AuthSessionStage, req: Request, res: Response, manager: EntityManager = this.dataSource.manager) {
    const secret = randomSecret();
    const now = new Date();
    await this.authSessions.insert(manager, {
      id: sha256(secret),
      userId: user.id,
      stage,
      lastSeenAt: now,
      // Every session starts right after a password, an invitation or a second-factor code.
      authenticatedAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS),
      userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
      ip: req.ip,
    });
    res.setCookie(this.cookieName, secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.PUBLIC_URL.startsWith('https://'),
      path: '/',
      // Seconds, as the Max-Age attribute counts them.
      maxAge: ABSOLUTE_LIFETIME_MS / 1000,
    });
    return sha256(secret);
  }

  async resolve(req: Request): Promise<ResolvedSession> {
    const secret: unknown = req.cookies?.[this.cookieName];
    if (typeof secret !== 'string' || secret.length < 20 || secret.length > 100) return { viewer: null, pending: null };
    const id = sha256(secret);
    const session = this.cache.get(id) ?? (await this.lookUp(id));
    if (!session) return { viewer: null, pending: null };
    const now = Date.now();
    const idleLimit = session.stage === 'ACTIVE' ? IDLE_TIMEOUT_MS[session.role] : PENDING_TIMEOUT_MS;
    if (session.expiresAt <= now || session.lastSeenAt + idleLimit <= now) {
      await this.revoke(id);
      return { viewer: null, pending: null };
    }
    if (now - session.lastSeenAt > TOUCH_INTERVAL_MS) {
      await this.authSessions.touch(id, new Date(now));
      this.cache.update(id, { lastSeenAt: now });
    }
    if (session.stage !== 'ACTIVE') return { viewer: null, pending: { sessionId: id, userId: session.userId, stage: session.stage } };
    return {
      viewer: { userId: session.userId, role: session.role, displayName: session.displayName, email: session.email, sessionId: id, tokenId: null, scopes: null, preferences: session.preferences },
      pending: null,
    };
  }

  /** One statement, on the primary key; a live session is kept in the cache for a few seconds. */
  private async lookUp(id: string): Promise<SessionRow | null> {
    const readStarted = this.cache.readStarted();
    const found = await this.authSessions.live(id);
    if (!found) return null;
    const row: SessionRow = {
      userId: found.user_id,
      role: found.role,
      displayName: found.display_name,
      email: found.email,
      // The preferences ride along with the sign-in lookup, so `me` costs no statement of its own.
      preferences: { timeZone: found.time_zone, sessionReminderMinutes: found.session_reminder_minutes, measureReminders: found.measure_reminders },
      stage: found.stage,
      lastSeenAt: new Date(found.last_seen_at).getTime(),
      expiresAt: new Date(found.expires_at).getTime(),
    };
    this.cache.put(id, row, readStarted);
    return row;
  }

  async revoke(id: string, manager: EntityManager = this.dataSource.manager) {
    await this.authSessions.revoke(id, manager);
    this.ended({ sessionId: id }, manager);
  }

  /** Forget the session at once and again once the ending has committed, so no lookup in between can keep it. */
  private ended(ending: Parameters<SessionCache['ended']>[0], manager: EntityManager) {
    this.cache.ended(ending);
    afterCommit(manager, () => this.cache.ended(ending));
  }

  /** The session has just proved the password again. */
  async markAuthenticated(id: string, manager: EntityManager = this.dataSource.manager) {
    await this.authSessions.markAuthenticated(id, manager);
  }

  /** True when the session proved the password or second factor within the last `withinMs`. */
  async authenticatedWithin(id: string, withinMs: number) {
    const authenticatedAt = await this.authSessions.authenticatedAt(id);
    return Boolean(authenticatedAt && Date.now() - authenticatedAt.getTime() <= withinMs);
  }

  /** Ends every session of the user but `exceptId` (after a password or second-factor change). */
  async revokeAllForUser(userId: string, exceptId: string | null, manager: EntityManager = this.dataSource.manager) {
    const revoked = await this.authSessions.revokeAllOf(userId, exceptId, manager);
    this.ended({ userId }, manager);
    return revoked;
  }

  listActive(userId: string) {
    return this.authSessions.liveOf(userId);
  }

  clearCookie(res: Response) {
    res.clearCookie(this.cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.PUBLIC_URL.startsWith('https://') });
  }
}
