import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import type { Role } from '@attune/domain';
import { AuthSessionEntity, type AuthSessionStage } from './auth-session.entity';

/** A live session with the person it signs in, as the sign-in lookup reads it. */
export interface LiveSessionRow {
  user_id: string;
  role: Role;
  display_name: string;
  email: string;
  time_zone: string | null;
  session_reminder_minutes: number | null;
  measure_reminders: boolean;
  stage: AuthSessionStage;
  last_seen_at: Date;
  expires_at: Date;
}

/** The only place sign-in session queries live. */
@Injectable()
export class AuthSessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  insert(manager: EntityManager, session: Pick<AuthSessionEntity, 'id' | 'userId' | 'stage' | 'lastSeenAt' | 'authenticatedAt' | 'expiresAt' | 'userAgent' | 'ip'>) {
    return manager.insert(AuthSessionEntity, session);
  }

  /** One statement, on the primary key: the session and its person, while neither has ended. */
  async live(id: string): Promise<LiveSessionRow | null> {
    const rows: LiveSessionRow[] = await this.dataSource.query(
      `SELECT s.user_id, u.role, u.display_name, u.email, u.time_zone, u.session_reminder_minutes, u.measure_reminders, s.stage, s.last_seen_at, s.expires_at
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND u.deactivated_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  async touch(id: string, at: Date) {
    await this.dataSource.query('UPDATE auth_sessions SET last_seen_at = $2 WHERE id = $1', [id, at]);
  }

  async revoke(id: string, manager?: EntityManager) {
    await this.manager(manager).update(AuthSessionEntity, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async markAuthenticated(id: string, manager?: EntityManager) {
    await this.manager(manager).update(AuthSessionEntity, { id }, { authenticatedAt: new Date() });
  }

  /** When the live session last proved the password or second factor. */
  async authenticatedAt(id: string) {
    const session = await this.dataSource.getRepository(AuthSessionEntity).findOne({ select: { id: true, authenticatedAt: true }, where: { id, revokedAt: IsNull() } });
    return session?.authenticatedAt ?? null;
  }

  /** Ends every live session of the person but `exceptId`; returns how many. */
  async revokeAllOf(userId: string, exceptId: string | null, manager?: EntityManager) {
    const result = await this.manager(manager).update(
      AuthSessionEntity,
      exceptId ? { userId, revokedAt: IsNull(), id: Not(exceptId) } : { userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    return result.affected ?? 0;
  }

  /** The person's live sessions, most recently used first, at most 100. */
  liveOf(userId: string) {
    return this.dataSource
      .getRepository(AuthSessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > now()', { userId })
      .orderBy('s.last_seen_at', 'DESC')
      .limit(100)
      .getMany();
  }
}
