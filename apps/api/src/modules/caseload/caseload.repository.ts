import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SqlFilter } from '../care/care-policy.service';
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

  /** Unread reflections per client, of those the policy lets the therapist see (`visible`, over alias `r`). */
  async unreadShared(visible: SqlFilter, clientIds: string[]): Promise<{ clientId: string; count: number }[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(['r.client_id AS "clientId"', 'count(*) AS count'])
      .from('reflections', 'r')
      .where(visible.sql, visible.params)
      .andWhere('r.client_id IN (:...clientIds) AND r.read_by_therapist_at IS NULL', { clientIds })
      .groupBy('r.client_id')
      .getRawMany<{ clientId: string; count: string | number }>();
    // PostgreSQL returns COUNT as a string.
    return rows.map((row) => ({ clientId: row.clientId, count: Number(row.count) }));
  }

  /** Reflections shared in the last 30 days and in the 60 before, per client (`visible` over alias `r`). */
  async sharedActivity(visible: SqlFilter, clientIds: string[], now: Date): Promise<{ clientId: string; recent: number; earlier: number }[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select([
        'r.client_id AS "clientId"',
        `count(*) FILTER (WHERE r.shared_at >= CAST(:now AS timestamptz) - interval '30 days') AS recent`,
        `count(*) FILTER (WHERE r.shared_at < CAST(:now AS timestamptz) - interval '30 days') AS earlier`,
      ])
      .from('reflections', 'r')
      .where(visible.sql, visible.params)
      .andWhere(`r.client_id IN (:...clientIds) AND r.shared_at >= CAST(:now AS timestamptz) - interval '90 days'`, { clientIds, now })
      .groupBy('r.client_id')
      .getRawMany<{ clientId: string; recent: string | number; earlier: string | number }>();
    return rows.map((row) => ({ clientId: row.clientId, recent: Number(row.recent), earlier: Number(row.earlier) }));
  }

  /** The newest check-ins per client that the policy lets the viewer see (`visible`, over alias `c`), newest first. */
  recentCheckIns(visible: SqlFilter, clientIds: string[], perClient: number) {
    return this.dataSource
      .getRepository(CheckInEntity)
      .createQueryBuilder('ranked_from')
      .where(
        `ranked_from.id IN (SELECT id FROM (SELECT c.id, row_number() OVER (PARTITION BY c.client_id ORDER BY c.created_at DESC) AS rn FROM check_ins c WHERE c.client_id IN (:...clientIds) AND ${visible.sql}) ranked WHERE rn <= :perClient)`,
        { clientIds, perClient, ...visible.params },
      )
      .orderBy('ranked_from.created_at', 'DESC')
      .getMany();
  }
}
