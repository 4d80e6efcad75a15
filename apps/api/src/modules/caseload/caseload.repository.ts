import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MEASURE_KINDS, type MeasureKind, type MeasureTotal, type NameOrder, type SessionStatus } from '@attune/domain';
import { preparedQuery } from '../../database/prepared-query';
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

/** In the order the facts statement sends each session as a JSON array (`toSession` reads it back). */
const SESSION_COLUMNS = ['id', 'clientId', 'therapistId', 'startsAt', 'endsAt', 'modality', 'status', 'joinDetails', 'cancelReason', 'agenda'] as const;
const SESSION_TIMES: ReadonlySet<string> = new Set(['startsAt', 'endsAt']);

/**
 * An instant as whole microseconds since 1970 (a bigint, exact): the facts statement sends its times so, as
 * numbers are cheaper than ISO text both for PostgreSQL to write and for Node to read (a date's text took
 * ~430 ns to parse, a number ~115 ns, and a page carries some 150 of them).
 */
const micros = (column: string) => `CAST(date_part('epoch', ${column}) * 1000000 AS bigint)`;

/**
 * A session as the caseload carries it: the columns the `Session` type's fields and their policies read, as
 * plain values. Bookkeeping columns (created, updated, version) are left out.
 */
export type SessionRow = Pick<TherapySessionEntity, (typeof SESSION_COLUMNS)[number]>;

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
  /** Each measure's first and latest total in this relationship, oldest first: all the trend flags read. */
  measureTotals: Partial<Record<MeasureKind, MeasureTotal[]>>;
  /** The next and last sessions themselves, when asked for (`withSessions`); else undefined. */
  nextSession?: SessionRow | null;
  lastSession?: SessionRow | null;
}

/** How many check-ins feed the alliance chart on the caseload. */
export const TREND_POINTS = 8;

export interface FactsQuery {
  therapistId: string;
  now: Date;
  trendPoints: number;
  search: string | null;
  /** Only these clients (still in active care); null for all. */
  onlyClientIds: string[] | null;
  /** Bring the next and last sessions' rows too: cheap for a page, wasted on a whole caseload that is sorted and cut. */
  withSessions: boolean;
  /**
   * Which check-ins the viewer may see, over alias `ci` tied to the relationship row `c` (the care policy's
   * `relationshipFilterOn`; every per-client part below holds `<alias>.client_id = c.client_id`).
   */
  checkIns: SqlFilter;
  /** Which reflections the viewer may see, over alias `ru` and again over alias `ra`, tied to `c` (`reflectionsFilterOn`). */
  unreadReflections: SqlFilter;
  recentReflections: SqlFilter;
  /** Which measure responses the viewer may see, over alias `m` tied to `c` (`relationshipFilterOn`). */
  measures: SqlFilter;
  /** `updatedSince`: only clients with a change after `at` (what counts: `changedSinceCondition`). */
  changedSince: ChangedSince | null;
  /**
   * Audit rows to write in the same statement (the audit service's `insertForEachStatement` over `read`, the
   * client ids this statement returns as `subject_id`): the read and its audit rows commit together, one round trip.
   */
  audit?: { sql: string; params: Record<string, unknown> } | null;
}

/** The page by name: the first `first` active clients after `after` in name order (`compareNameOrder`). */
export interface NamePage {
  first: number;
  after: NameOrder | null;
}

/** `nameSortKey`, then the name, then the id: what `compareNameOrder` compares, in SQL. */
const NAME_ORDER = 'u.name_sort_key COLLATE "C", u.display_name COLLATE "C", c.client_id';

export interface ChangedSince {
  at: Date;
  /** The care policy's filters over alias `cc` (check-ins), alias `rc` (reflections) and alias `mc` (measure responses), tied to the relationship row `c`. */
  checkIns: SqlFilter;
  reflections: SqlFilter;
  measures: SqlFilter;
}

/**
 * A client is changed since `at` when anything their caseload row is made of changed: the relationship began;
 * they closed their account; any of their sessions changed (next and last session, missed sessions); a
 * check-in of this relationship was submitted or acknowledged (alliance, flags); a measure was filled in
 * within it (the measure flags); a reflection shared with the
 * therapist was shared, read or responded to, or one was taken back (the counts and their flags). Private
 * reflections never count, so a poll says nothing about them. What only the passing of time changes
 * (`daysSinceLastSession`, flags for time without a session) is not a change. Each test is an index range.
 */
function changedSinceCondition(changed: ChangedSince): string {
  return `(c.started_at > :changedSince
    OR u.closed_at > :changedSince
    OR EXISTS (SELECT 1 FROM therapy_sessions cs WHERE cs.client_id = c.client_id AND cs.updated_at > :changedSince)
    OR EXISTS (SELECT 1 FROM check_ins cc WHERE cc.client_id = c.client_id AND cc.updated_at > :changedSince AND ${changed.checkIns.sql})
    OR EXISTS (SELECT 1 FROM measure_responses mc WHERE mc.client_id = c.client_id AND mc.kind = ANY(CAST(:measureKinds AS text[]))
               AND mc.completed_at > :changedSince AND ${changed.measures.sql})
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

  /** One statement: the facts of every active client of the therapist (or of some, or of those matching a search). */
  async clientFacts(query: FactsQuery): Promise<ClientFactsRow[]> {
    return (await this.facts(query, null)).rows;
  }

  /**
   * One statement: a page of active clients by name (or of those matching a search) with their facts, and
   * whether another page follows. PostgreSQL picks the page: the relationships of the therapist, sorted by
   * their client's stored name key (a few hundred rows at most), then every per-client part for the page
   * only. The key is compared byte by byte (`COLLATE "C"`), as on the embedded database.
   */
  async clientPageByName(query: FactsQuery, page: NamePage): Promise<{ rows: ClientFactsRow[]; hasNextPage: boolean }> {
    const { rows, remaining } = await this.facts(query, page);
    return { rows, hasNextPage: remaining > page.first };
  }

  /** The facts statement; by name, also how many rows follow the cursor (the page's among them). */
  private async facts(query: FactsQuery, page: NamePage | null): Promise<{ rows: ClientFactsRow[]; remaining: number }> {
    const conditions = ['c.therapist_id = :therapistId', 'c.ended_at IS NULL'];
    if (query.search) conditions.push('(u.display_name ILIKE :q OR u.email ILIKE :q)');
    if (query.onlyClientIds) conditions.push('c.client_id = ANY(CAST(:onlyClientIds AS uuid[]))');
    if (query.changedSince) conditions.push(changedSinceCondition(query.changedSince));
    if (page?.after) conditions.push(`(${NAME_ORDER}) > (:afterSortKey, :afterName, CAST(:afterId AS uuid))`);
    // The relationships with their client's name, email and closing, users read once. By name, the page is
    // chosen first (with the count of rows from the cursor on, to know whether more follow), and the
    // per-client parts below run for its clients only. The subquery keeps the relationship's columns, so `c`
    // means the same either way.
    const client = 'u.display_name AS client_name, u.email AS client_email, u.closed_at AS client_closed_at';
    const relationships = page
      ? `(SELECT c.*, ${client}, row_number() OVER names AS position, count(*) OVER () AS remaining FROM care_relationships c JOIN users u ON u.id = c.client_id
          WHERE ${conditions.join(' AND ')} WINDOW names AS (ORDER BY ${NAME_ORDER}) ORDER BY ${NAME_ORDER} LIMIT :pageFirst) c`
      : `(SELECT c.*, ${client} FROM care_relationships c JOIN users u ON u.id = c.client_id WHERE ${conditions.join(' AND ')}) c`;
    const session = query.withSessions ? `, ${this.sessionJson('s')} AS row` : '';
    const select = `
      SELECT c.client_id AS "clientId", c.client_name AS "displayName", c.client_email AS email, ${micros('c.started_at')} AS "startedAt", ${micros('c.client_closed_at')} AS "accountClosedAt",
             (SELECT t.display_name FROM users t WHERE t.id = :therapistId) AS "therapistName",
             nxt.id AS "nextSessionId", ${micros('nxt.starts_at')} AS "nextSessionAt", lst.id AS "lastSessionId", ${micros('lst.starts_at')} AS "lastSessionAt",${query.withSessions ? ' nxt.row AS "nextSession", lst.row AS "lastSession",' : ''}
             coalesce(past.statuses, '{}') AS "lastTwoPastStatuses",
             unread.n AS "unreadShared", shared.recent AS "sharedLast30Days", shared.earlier AS "sharedDays30To90",
             coalesce(checkins.rows, '[]') AS "recentCheckIns", coalesce(measures.rows, '[]') AS "measureTotals"${page ? ', c.position, c.remaining::int AS remaining' : ''}
      FROM ${relationships}
      LEFT JOIN LATERAL (
        SELECT s.id, s.starts_at${session} FROM therapy_sessions s
        WHERE s.client_id = c.client_id AND s.starts_at > :now AND s.status = 'SCHEDULED' ORDER BY s.starts_at ASC LIMIT 1
      ) nxt ON TRUE
      LEFT JOIN LATERAL (
        SELECT s.id, s.starts_at${session} FROM therapy_sessions s
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
        -- Each as an array in RawCheckIn's order: without keys the answer is smaller and quicker to parse.
        SELECT json_agg(json_build_array(
          ci.id, ci.session_id, ci.bond, ci.goals, ci.approach, ci.overall, ci.comment, ci.concern_reasons, ${micros('ci.acknowledged_at')}, ${micros('ci.created_at')}
        ) ORDER BY ci.created_at DESC) AS rows
        FROM (
          SELECT ci.* FROM check_ins ci
          WHERE ci.client_id = c.client_id AND ${query.checkIns.sql} ORDER BY ci.created_at DESC LIMIT :trendPoints
        ) ci
      ) checkins ON TRUE
      LEFT JOIN LATERAL (
        -- Each measure's first and latest total in this relationship (one row when they are the same): all the
        -- trend rule reads, two index probes per measure on (client, therapist, kind, time) however long the history.
        SELECT json_agg(json_build_array(e.kind, e.total, ${micros('e.completed_at')}) ORDER BY e.kind, e.completed_at) AS rows
        FROM unnest(CAST(:measureKinds AS text[])) AS k(kind)
        CROSS JOIN LATERAL (
          (SELECT m.id, m.kind, m.total, m.completed_at FROM measure_responses m
           WHERE m.client_id = c.client_id AND m.kind = k.kind AND ${query.measures.sql} ORDER BY m.completed_at ASC, m.id ASC LIMIT 1)
          UNION
          (SELECT m.id, m.kind, m.total, m.completed_at FROM measure_responses m
           WHERE m.client_id = c.client_id AND m.kind = k.kind AND ${query.measures.sql} ORDER BY m.completed_at DESC, m.id DESC LIMIT 1)
        ) e
      ) measures ON TRUE
      ${page ? 'ORDER BY c.position' : ''}`;
    // A data-modifying WITH runs to its end whatever the outer SELECT reads, and commits with it.
    const sql = query.audit
      ? `WITH facts AS (${select}), read AS (SELECT "clientId" AS subject_id FROM facts), audited AS (${query.audit.sql}) SELECT * FROM facts${page ? ' ORDER BY position' : ''}`
      : select;
    const params = {
      ...query.audit?.params,
      ...query.checkIns.params,
      ...query.unreadReflections.params,
      ...query.recentReflections.params,
      ...query.measures.params,
      ...query.changedSince?.checkIns.params,
      ...query.changedSince?.reflections.params,
      ...query.changedSince?.measures.params,
      measureKinds: [...MEASURE_KINDS],
      changedSince: query.changedSince?.at ?? null,
      therapistId: query.therapistId,
      now: query.now,
      trendPoints: query.trendPoints,
      q: query.search ? likePattern(query.search) : null,
      onlyClientIds: query.onlyClientIds,
      pageFirst: page?.first ?? null,
      afterSortKey: page?.after?.[0] ?? null,
      afterName: page?.after?.[1] ?? null,
      afterId: page?.after?.[2] ?? null,
    };
    const rows = await preparedQuery<RawFactsRow & { position?: unknown; remaining?: number }>(this.dataSource, sql, params);
    return { rows: rows.map(({ position: _, remaining: __, ...row }) => toFacts(row, query.therapistId)), remaining: rows[0]?.remaining ?? 0 };
  }

  /** The sessions a page shows (next and last), by id: at most two per client on the page, as plain rows. */
  async sessionsById(ids: string[]): Promise<SessionRow[]> {
    if (ids.length === 0) return [];
    const columns = SESSION_COLUMNS.map((property) => `"${this.sessionColumn(property)}" AS "${property}"`).join(', ');
    return this.dataSource.query(`SELECT ${columns} FROM "${this.dataSource.getMetadata(TherapySessionEntity).tableName}" WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** A session row over `alias` as one JSON array of `SESSION_COLUMNS`: without keys, less to build, send and parse. */
  private sessionJson(alias: string) {
    return `json_build_array(${SESSION_COLUMNS.map((property) => (SESSION_TIMES.has(property) ? micros(`${alias}.${this.sessionColumn(property)}`) : `${alias}.${this.sessionColumn(property)}`)).join(', ')})`;
  }

  private sessionColumn(property: (typeof SESSION_COLUMNS)[number]) {
    return this.dataSource.getMetadata(TherapySessionEntity).findColumnWithPropertyName(property)!.databaseName;
  }
}

const likePattern = (search: string) => `%${search.replace(/[%_\\]/g, '\\$&')}%`;

/** A check-in as the facts statement sends it (the client and therapist are the relationship's). */
type RawCheckIn = [
  id: string,
  sessionId: string,
  bond: number,
  goals: number,
  approach: number,
  overall: number,
  comment: string | null,
  concernReasons: string[] | null,
  acknowledgedAt: number | null,
  createdAt: number,
];
/** A session as `SESSION_COLUMNS`, times in microseconds (`micros`). */
type RawSession = [
  id: string,
  clientId: string,
  therapistId: string,
  startsAt: number,
  endsAt: number,
  modality: SessionRow['modality'],
  status: SessionRow['status'],
  joinDetails: string | null,
  cancelReason: string | null,
  agenda: string | null,
];
type RawMeasureTotal = [kind: MeasureKind, total: number, completedAt: number];
/** A bigint column arrives as text (JSON numbers arrive as numbers). */
type RawMicros = string | number;
type RawFactsRow = Omit<ClientFactsRow, 'recentCheckIns' | 'measureTotals' | 'nextSession' | 'lastSession' | 'startedAt' | 'accountClosedAt' | 'nextSessionAt' | 'lastSessionAt'> & {
  startedAt: RawMicros;
  accountClosedAt: RawMicros | null;
  nextSessionAt: RawMicros | null;
  lastSessionAt: RawMicros | null;
  recentCheckIns: RawCheckIn[] | string;
  measureTotals: RawMeasureTotal[] | string;
  nextSession?: RawSession | string | null;
  lastSession?: RawSession | string | null;
};

/** `micros` back to a Date (milliseconds, as the driver reads a timestamp's text: the rest is dropped). */
const fromMicros = (value: RawMicros) => new Date(Math.floor(Number(value) / 1000));
const fromMicrosOrNull = (value: RawMicros | null) => (value === null ? null : fromMicros(value));

// json arrives parsed from PostgreSQL; a driver that leaves it as text gets it parsed here.
const parsedJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function toSession(raw: RawSession | string | null | undefined): SessionRow | null | undefined {
  if (raw === undefined || raw === null) return raw;
  const [id, clientId, therapistId, startsAt, endsAt, modality, status, joinDetails, cancelReason, agenda] = parsedJson(raw);
  return { id, clientId, therapistId, startsAt: fromMicros(startsAt), endsAt: fromMicros(endsAt), modality, status, joinDetails, cancelReason, agenda };
}

/** The first and latest totals, grouped by measure, oldest first (the statement orders them). */
function toMeasureTotals(raw: RawMeasureTotal[]) {
  const totals: Partial<Record<MeasureKind, MeasureTotal[]>> = {};
  for (const [kind, total, completedAt] of raw) (totals[kind] ??= []).push({ total, completedAt: fromMicros(completedAt) });
  return totals;
}

/** `therapistId`: the relationship's therapist, whose check-ins alone the statement reads (`c.therapist_id`). */
function toFacts(row: RawFactsRow, therapistId: string): ClientFactsRow {
  const checkIns = parsedJson(row.recentCheckIns);
  return {
    ...row,
    nextSession: toSession(row.nextSession),
    lastSession: toSession(row.lastSession),
    startedAt: fromMicros(row.startedAt),
    accountClosedAt: fromMicrosOrNull(row.accountClosedAt),
    nextSessionAt: fromMicrosOrNull(row.nextSessionAt),
    lastSessionAt: fromMicrosOrNull(row.lastSessionAt),
    unreadShared: Number(row.unreadShared ?? 0),
    sharedLast30Days: Number(row.sharedLast30Days ?? 0),
    sharedDays30To90: Number(row.sharedDays30To90 ?? 0),
    recentCheckIns: checkIns.map(([id, sessionId, bond, goals, approach, overall, comment, concernReasons, acknowledgedAt, createdAt]) => ({
      id,
      sessionId,
      clientId: row.clientId,
      therapistId,
      bond,
      goals,
      approach,
      overall,
      comment,
      concernReasons: concernReasons ?? [],
      acknowledgedAt: fromMicrosOrNull(acknowledgedAt),
      createdAt: fromMicros(createdAt),
    })),
    measureTotals: toMeasureTotals(parsedJson(row.measureTotals)),
  };
}
