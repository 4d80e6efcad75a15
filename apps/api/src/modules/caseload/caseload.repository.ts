import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CheckInEntity } from '../checkins/check-in.entity';
import { TherapySessionEntity } from '../sessions/therapy-session.entity';

export interface ActiveClientRow {
  clientId: string;
  displayName: string;
  email: string;
  startedAt: Date;
}

/** How many check-ins feed the alliance chart on the caseload. */
export const TREND_POINTS = 8;

/**
 * The caseload's queries. Each takes the whole set of client ids, so a caseload costs the same
 * fixed number of statements for 5 clients or 500 (no query per client).
 */
@Injectable()
export class CaseloadRepository {
  constructor(private readonly dataSource: DataSource) {}

  activeClients(therapistId: string, search: string | null, onlyClientId: string | null): Promise<ActiveClientRow[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(['c.client_id AS "clientId"', 'u.display_name AS "displayName"', 'u.email AS email', 'c.started_at AS "startedAt"'])
      .from('care_relationships', 'c')
      .innerJoin('users', 'u', 'u.id = c.client_id')
      .where('c.therapist_id = :therapistId AND c.ended_at IS NULL', { therapistId });
    if (search) qb.andWhere('(u.display_name ILIKE :q OR u.email ILIKE :q)', { q: `%${search.replace(/[%_\\]/g, '\\$&')}%` });
    if (onlyClientId) qb.andWhere('c.client_id = :onlyClientId', { onlyClientId });
    return qb.getRawMany<ActiveClientRow>();
  }

  nextSessions(clientIds: string[], now: Date) {
    return this.dataSource
      .getRepository(TherapySessionEntity)
      .createQueryBuilder('s')
      .distinctOn(['s.client_id'])
      .where("s.client_id IN (:...clientIds) AND s.status = 'SCHEDULED' AND s.starts_at > :now", { clientIds, now })
      .orderBy('s.client_id')
      .addOrderBy('s.starts_at', 'ASC')
      .getMany();
  }

  lastMetSessions(clientIds: string[], now: Date) {
    return this.dataSource
      .getRepository(TherapySessionEntity)
      .createQueryBuilder('s')
      .distinctOn(['s.client_id'])
      .where("s.client_id IN (:...clientIds) AND s.status = 'COMPLETED' AND s.starts_at <= :now", { clientIds, now })
      .orderBy('s.client_id')
      .addOrderBy('s.starts_at', 'DESC')
      .getMany();
  }

  /** The two most recent sessions whose time has come, per client. */
  async lastTwoPastStatuses(clientIds: string[], now: Date): Promise<{ clientId: string; status: TherapySessionEntity['status'] }[]> {
    return this.dataSource.query(
      `SELECT client_id AS "clientId", status FROM (
         SELECT client_id, status, starts_at, row_number() OVER (PARTITION BY client_id ORDER BY starts_at DESC) AS rn
         FROM therapy_sessions WHERE client_id = ANY($1::uuid[]) AND starts_at <= $2
       ) recent WHERE rn <= 2 ORDER BY client_id, starts_at DESC`,
      [clientIds, now],
    );
  }

  async unreadShared(therapistId: string, clientIds: string[]): Promise<{ clientId: string; count: number }[]> {
    const rows: { clientId: string; count: string | number }[] = await this.dataSource.query(
      `SELECT client_id AS "clientId", count(*) AS count FROM reflections
       WHERE shared_with_id = $1 AND client_id = ANY($2::uuid[]) AND read_by_therapist_at IS NULL GROUP BY client_id`,
      [therapistId, clientIds],
    );
    // PostgreSQL returns COUNT as a string.
    return rows.map((row) => ({ clientId: row.clientId, count: Number(row.count) }));
  }

  async sharedActivity(therapistId: string, clientIds: string[], now: Date): Promise<{ clientId: string; recent: number; earlier: number }[]> {
    const rows: { clientId: string; recent: string | number; earlier: string | number }[] = await this.dataSource.query(
      `SELECT client_id AS "clientId",
              count(*) FILTER (WHERE shared_at >= $3::timestamptz - interval '30 days') AS recent,
              count(*) FILTER (WHERE shared_at < $3::timestamptz - interval '30 days') AS earlier
       FROM reflections
       WHERE shared_with_id = $1 AND client_id = ANY($2::uuid[]) AND shared_at >= $3::timestamptz - interval '90 days'
       GROUP BY client_id`,
      [therapistId, clientIds, now],
    );
    return rows.map((row) => ({ clientId: row.clientId, recent: Number(row.recent), earlier: Number(row.earlier) }));
  }

  /** The newest check-ins per client, newest first. */
  recentCheckIns(clientIds: string[], perClient: number) {
    return this.dataSource
      .getRepository(CheckInEntity)
      .createQueryBuilder('c')
      .where(
        `c.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY client_id ORDER BY created_at DESC) AS rn FROM check_ins WHERE client_id IN (:...clientIds)) ranked WHERE rn <= :perClient)`,
        { clientIds, perClient },
      )
      .orderBy('c.created_at', 'DESC')
      .getMany();
  }
}
