import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SessionStatus } from '@attune/domain';
import type { SqlFilter } from '../care/care-policy.service';
import { TherapySessionEntity } from '../sessions/therapy-session.entity';

/** A check-in as the caseload carries it: what the flags, the alliance chart and `CheckIn` fields need. */
export interface CheckInRow {
  id: string;
  sessionId: string;
  clientId: string;
  therapistId: string;
  bond: number;
  goals: number;
  approach: number;
  overall: number;
  comment: string | null;
  concernReasons: string[];
  acknowledgedAt: Date | null;
  createdAt: Date;
}

/** The compact facts of one active client: enough to flag, filter and sort without reading any history. */
export interface ClientFactsRow {
  clientId: string;
  displayName: string;
  email: string;
  startedAt: Date;
  /** When the client closed their account; their record stays in the caseload until it is purged. */
  accountClosedAt: Date | null;
  therapistName: string;
  nextSessionId: string | null;
  nextSessionAt: Date | null;
  lastSessionId: string | null;
  lastSessionAt: Date | null;
  /** The two most recent sessions whose time has come, newest first. */
  lastTwoPastStatuses: SessionStatus[];
  unreadShared: number;
  sharedLast30Days: number;
  sharedDays30To90: number;
  /** Newest first. */
  recentCheckIns: CheckInRow[];
}

/** How many check-ins feed the alliance chart on the caseload. */
export const TREND_POINTS = 8;

export interface FactsQuery {
  therapistId: string;
  now: Date;
  trendPoints: number;
  search: string | null;
  onlyClientId: string | null;
  /** Which check-ins the viewer may see, over alias `ci` (the care policy's relationship filter). */
  checkIns: SqlFilter;
  /** Which reflections the viewer may see, over alias `ru` and again over alias `ra` (the care policy's reflections filter). */
  unreadReflections: SqlFilter;
  recentReflections: SqlFilter;
  /** `updatedSince`: only clients with a change after `at` (what counts: `changedSinceCondition`). */
  changedSince: ChangedSince | null;
}

export interface ChangedSince {
  at: Date;
  /** The care policy's filters over alias `cc` (check-ins) and alias `rc` (reflections). */
  checkIns: SqlFilter;
  reflections: SqlFilter;
}

/**
 * A client is changed since `at` when anything their caseload row is made of changed: the relationship began;
 * they closed their account; any of their sessions changed (next and last session, missed sessions); a
 * check-in of this relationship was submitted or acknowledged (alliance, flags); a reflection shared with the
 * therapist was shared, read or responded to, or one was taken back (the counts and their flags). Private
 * reflections never count, so a poll says nothing about them. What only the passing of time changes
 * (`daysSinceLastSession`, flags for time without a session) is not a change. Each test is an index range.
 */
function changedSinceCondition(changed: ChangedSince): string {
  return `(c.started_at > :changedSince
    OR u.closed_at > :changedSince
    OR EXISTS (SELECT 1 FROM therapy_sessions cs WHERE cs.client_id = c.client_id AND cs.updated_at > :changedSince)
    OR EXISTS (SELECT 1 FROM check_ins cc WHERE cc.client_id = c.client_id AND cc.updated_at > :changedSince AND ${changed.checkIns.sql})
    OR EXISTS (SELECT 1 FROM reflections rc WHERE rc.client_id = c.client_id AND rc.updated_at > :changedSince
               AND (${changed.reflections.sql} OR rc.unshared_at > :changedSince)))`;
}

/**
 * The caseload's queries. Every "latest per client" is a `LATERAL … ORDER BY … LIMIT` on an index that
 * starts with the client, so a caseload reads a few rows per client however long the history is.
 */
@Injectable()
export class CaseloadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement: the facts of every active client of the therapist (or of one, or of those matching a search). */
  async clientFacts(query: FactsQuery): Promise<ClientFactsRow[]> {
    const conditions = ['c.therapist_id = :therapistId', 'c.ended_at IS NULL'];
    if (query.search) conditions.push('(u.display_name ILIKE :q OR u.email ILIKE :q)');
    if (query.onlyClientId) conditions.push('c.client_id = :onlyClientId');
    if (query.changedSince) conditions.push(changedSinceCondition(query.changedSince));
    const sql = `
      SELECT c.client_id AS "clientId", u.display_name AS "displayName", u.email, c.started_at AS "startedAt", u.closed_at AS "accountClosedAt", t.display_name AS "therapistName",
             nxt.id AS "nextSessionId", nxt.starts_at AS "nextSessionAt", lst.id AS "lastSessionId", lst.starts_at AS "lastSessionAt",
             coalesce(past.statuses, '{}') AS "lastTwoPastStatuses",
             unread.n AS "unreadShared", shared.recent AS "sharedLast30Days", shared.earlier AS "sharedDays30To90",
             coalesce(checkins.rows, '[]') AS "recentCheckIns"
      FROM care_relationships c
      JOIN users u ON u.id = c.client_id
      JOIN users t ON t.id = c.therapist_id
      LEFT JOIN LATERAL (
        SELECT s.id, s.starts_at FROM therapy_sessions s
        WHERE s.client_id = c.client_id AND s.starts_at > :now AND s.status = 'SCHEDULED' ORDER BY s.starts_at ASC LIMIT 1
      ) nxt ON TRUE
      LEFT JOIN LATERAL (
        SELECT s.id, s.starts_at FROM therapy_sessions s
        WHERE s.client_id = c.client_id AND s.starts_at <= :now AND s.status = 'COMPLETED' ORDER BY s.starts_at DESC LIMIT 1
      ) lst ON TRUE
      LEFT JOIN LATERAL (
        SELECT array_agg(p.status ORDER BY p.starts_at DESC)::text[] AS statuses FROM (
          SELECT s.status, s.starts_at FROM therapy_sessions s
          WHERE s.client_id = c.client_id AND s.starts_at <= :now ORDER BY s.starts_at DESC LIMIT 2
        ) p
      ) past ON TRUE
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS n FROM reflections ru
        WHERE ru.client_id = c.client_id AND ru.read_by_therapist_at IS NULL AND ${query.unreadReflections.sql}
      ) unread ON TRUE
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE ra.shared_at >= CAST(:now AS timestamptz) - interval '30 days')::int AS recent,
               count(*) FILTER (WHERE ra.shared_at < CAST(:now AS timestamptz) - interval '30 days')::int AS earlier
        FROM reflections ra
        WHERE ra.client_id = c.client_id AND ra.shared_at >= CAST(:now AS timestamptz) - interval '90 days' AND ${query.recentReflections.sql}
      ) shared ON TRUE
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object(
          'id', ci.id, 'sessionId', ci.session_id, 'clientId', ci.client_id, 'therapistId', ci.therapist_id,
          'bond', ci.bond, 'goals', ci.goals, 'approach', ci.approach, 'overall', ci.overall, 'comment', ci.comment,
          'concernReasons', ci.concern_reasons, 'acknowledgedAt', ci.acknowledged_at, 'createdAt', ci.created_at
        ) ORDER BY ci.created_at DESC) AS rows
        FROM (
          SELECT ci.* FROM check_ins ci
          WHERE ci.client_id = c.client_id AND ${query.checkIns.sql} ORDER BY ci.created_at DESC LIMIT :trendPoints
        ) ci
      ) checkins ON TRUE
      WHERE ${conditions.join(' AND ')}`;
    const params = {
      ...query.checkIns.params,
      ...query.unreadReflections.params,
      ...query.recentReflections.params,
      ...query.changedSince?.checkIns.params,
      ...query.changedSince?.reflections.params,
      changedSince: query.changedSince?.at ?? null,
      therapistId: query.therapistId,
      now: query.now,
      trendPoints: query.trendPoints,
      q: query.search ? `%${query.search.replace(/[%_\\]/g, '\\$&')}%` : null,
      onlyClientId: query.onlyClientId,
    };
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    const rows: RawFactsRow[] = await this.dataSource.query(text, values);
    return rows.map(toFacts);
  }

  /** The sessions a page shows (next and last), by id: at most two per client on the page, as plain rows. */
  async sessionsById(ids: string[]): Promise<TherapySessionEntity[]> {
    if (ids.length === 0) return [];
    const metadata = this.dataSource.getMetadata(TherapySessionEntity);
    const columns = metadata.columns.map((column) => `"${column.databaseName}" AS "${column.propertyName}"`).join(', ');
    return this.dataSource.query(`SELECT ${columns} FROM "${metadata.tableName}" WHERE id = ANY($1::uuid[])`, [ids]);
  }
}

type RawCheckIn = Omit<CheckInRow, 'acknowledgedAt' | 'createdAt'> & { acknowledgedAt: string | null; createdAt: string };
type RawFactsRow = Omit<ClientFactsRow, 'recentCheckIns'> & { recentCheckIns: RawCheckIn[] | string };

function toFacts(row: RawFactsRow): ClientFactsRow {
  // json arrives parsed from PostgreSQL; a driver that leaves it as text gets it parsed here.
  const checkIns = typeof row.recentCheckIns === 'string' ? (JSON.parse(row.recentCheckIns) as RawCheckIn[]) : row.recentCheckIns;
  return {
    ...row,
    startedAt: new Date(row.startedAt),
    accountClosedAt: row.accountClosedAt ? new Date(row.accountClosedAt) : null,
    nextSessionAt: row.nextSessionAt ? new Date(row.nextSessionAt) : null,
    lastSessionAt: row.lastSessionAt ? new Date(row.lastSessionAt) : null,
    unreadShared: Number(row.unreadShared ?? 0),
    sharedLast30Days: Number(row.sharedLast30Days ?? 0),
    sharedDays30To90: Number(row.sharedDays30To90 ?? 0),
    recentCheckIns: checkIns.map((checkIn) => ({
      ...checkIn,
      concernReasons: checkIn.concernReasons ?? [],
      acknowledgedAt: checkIn.acknowledgedAt ? new Date(checkIn.acknowledgedAt) : null,
      createdAt: new Date(checkIn.createdAt),
    })),
  };
}
