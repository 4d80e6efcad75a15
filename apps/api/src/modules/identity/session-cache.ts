import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { Role } from '@attune/domain';
import type { Preferences } from '../../common/auth/viewer';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { AuthSessionStage } from './auth-session.entity';

/** What a request needs to know about its sign-in session: one row of auth_sessions joined to its user. */
export interface SessionRow {
  userId: string;
  role: Role;
  displayName: string;
  email: string;
  preferences: Preferences;
  stage: AuthSessionStage;
  lastSeenAt: number;
  expiresAt: number;
}

/** How long a looked-up session may answer without asking the database again. */
const TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;

type Ending = { sessionId: string } | { userId: string };

/**
 * Sign-in sessions looked up in the last few seconds, so a signed-in request costs no SQL statement.
 * Ending a session (sign-out, revocation, a password change, deactivation) drops it here at once and,
 * through Redis when REDIS_URL is set, in every other API process; the short lifetime bounds what a lost
 * message could leave behind. A lookup that raced an ending is not kept (see `generation`).
 */
@Injectable()
export class SessionCache implements OnModuleDestroy {
  private readonly entries = new Map<string, { row: SessionRow; until: number }>();
  /** How long an entry answers; a test lengthens it to show that endings travel through Redis. */
  lifetimeMs = TTL_MS;
  /** Bumped by every ending: a row read before an ending must not be cached after it. */
  private generation = 0;
  private readonly publisher: Redis | null;
  private readonly subscriber: Redis | null;
  /** Under REDIS_PREFIX, like every other key, so two deployments sharing a Redis keep apart. */
  private readonly channel: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.channel = `${config.REDIS_PREFIX}sessions:ended`;
    const options = { maxRetriesPerRequest: 1, lazyConnect: false } as const;
    this.publisher = config.REDIS_URL ? new Redis(config.REDIS_URL, { ...options, enableOfflineQueue: false }) : null;
    this.subscriber = config.REDIS_URL ? new Redis(config.REDIS_URL, options) : null;
    this.subscriber?.on('error', () => undefined);
    this.publisher?.on('error', () => undefined);
    void this.subscriber?.subscribe(this.channel).catch(() => undefined);
    this.subscriber?.on('message', (_channel, message: string) => {
      try {
        this.drop(JSON.parse(message) as Ending);
      } catch {
        // Not ours; nothing to drop.
      }
    });
  }

  get(sessionId: string): SessionRow | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.row;
    this.entries.delete(sessionId);
    return undefined;
  }

  /** Call before reading the row; pass the result to `put`. */
  readStarted() {
    return this.generation;
  }

  put(sessionId: string, row: SessionRow, readStarted: number) {
    if (readStarted !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, { row, until: Date.now() + this.lifetimeMs });
  }

  /** After a write the row no longer matches, e.g. last_seen_at moved. */
  update(sessionId: string, change: Partial<SessionRow>) {
    const entry = this.entries.get(sessionId);
    if (entry) entry.row = { ...entry.row, ...change };
  }

  /** The person's row changed (their preferences): forget their sessions' rows here and everywhere, so the next request reads it again. */
  personChanged(userId: string) {
    this.ended({ userId });
  }

  /** The session, or every session of the person, has ended: forget it here and everywhere. */
  ended(ending: Ending) {
    this.drop(ending);
    this.publisher?.publish(this.channel, JSON.stringify(ending)).catch(() => undefined);
  }

  private drop(ending: Ending) {
    this.generation++;
    if ('sessionId' in ending) {
      this.entries.delete(ending.sessionId);
      return;
    }
    for (const [id, entry] of this.entries) if (entry.row.userId === ending.userId) this.entries.delete(id);
  }

  onModuleDestroy() {
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }
}
