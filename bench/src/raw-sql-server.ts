import http from 'node:http';
import pg from 'pg';

/**
 * The limit for the caseload page: one hand-written statement through `pg` with every input Attune's
 * caseload uses (next and last session, the last two past statuses, unread and recently shared
 * reflections, the last 8 check-ins, each measure's first and latest total with this therapist), each a
 * `LATERAL … ORDER BY … LIMIT` on the same indexes. It picks the first page (10, by name, and one more to tell
 * whether another follows) of the therapist's active clients first, so the per-client parts run for those 11
 * only, as Attune's do. A named prepared statement. No authentication: for comparison only.
 */
export const CASELOAD_SQL = `
  SELECT c.client_id AS "clientId", c.display_name AS "displayName", c.started_at AS "since",
         nxt.id AS "nextSessionId", nxt.starts_at AS "nextStartsAt", nxt.ends_at AS "nextEndsAt", nxt.modality AS "nextModality",
         lst.id AS "lastSessionId", lst.starts_at AS "lastStartsAt", lst.ends_at AS "lastEndsAt",
         coalesce(past.statuses, '{}') AS "lastTwoPastStatuses", unread.n AS "unreadShared",
         shared.recent AS "sharedLast30Days", shared.earlier AS "sharedDays30To90", coalesce(checkins.rows, '[]') AS "recentCheckIns",
         coalesce(measures.rows, '[]') AS "measureTotals"
  FROM (
    SELECT c.client_id, c.started_at, u.display_name FROM care_relationships c JOIN users u ON u.id = c.client_id
    WHERE c.therapist_id = $1 AND c.ended_at IS NULL ORDER BY u.display_name, c.client_id LIMIT 11
  ) c
  LEFT JOIN LATERAL (
    SELECT s.id, s.starts_at, s.ends_at, s.modality FROM therapy_sessions s
    WHERE s.client_id = c.client_id AND s.starts_at > now() AND s.status = 'SCHEDULED' ORDER BY s.starts_at ASC LIMIT 1
  ) nxt ON TRUE
  LEFT JOIN LATERAL (
    SELECT s.id, s.starts_at, s.ends_at FROM therapy_sessions s
    WHERE s.client_id = c.client_id AND s.starts_at <= now() AND s.status = 'COMPLETED' ORDER BY s.starts_at DESC LIMIT 1
  ) lst ON TRUE
  LEFT JOIN LATERAL (
    SELECT array_agg(p.status ORDER BY p.starts_at DESC)::text[] AS statuses FROM (
      SELECT s.status, s.starts_at FROM therapy_sessions s
      WHERE s.client_id = c.client_id AND s.starts_at <= now() ORDER BY s.starts_at DESC LIMIT 2
    ) p
  ) past ON TRUE
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS n FROM reflections r
    WHERE r.client_id = c.client_id AND r.shared_with_id = $1 AND r.read_by_therapist_at IS NULL
  ) unread ON TRUE
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE r.shared_at >= now() - interval '30 days')::int AS recent,
           count(*) FILTER (WHERE r.shared_at < now() - interval '30 days')::int AS earlier
    FROM reflections r
    WHERE r.client_id = c.client_id AND r.shared_with_id = $1 AND r.shared_at >= now() - interval '90 days'
  ) shared ON TRUE
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('at', ci.created_at, 'bond', ci.bond, 'goals', ci.goals, 'approach', ci.approach,
             'overall', ci.overall, 'concernReasons', ci.concern_reasons, 'acknowledgedAt', ci.acknowledged_at, 'id', ci.id) ORDER BY ci.created_at DESC) AS rows
    FROM (SELECT * FROM check_ins ci WHERE ci.client_id = c.client_id AND ci.therapist_id = $1 ORDER BY ci.created_at DESC LIMIT 8) ci
  ) checkins ON TRUE
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('kind', e.kind, 'total', e.total, 'completedAt', e.completed_at) ORDER BY e.kind, e.completed_at) AS rows
    FROM unnest(ARRAY['PHQ9', 'GAD7']) AS k(kind)
    CROSS JOIN LATERAL (
      (SELECT m.id, m.kind, m.total, m.completed_at FROM measure_responses m
       WHERE m.client_id = c.client_id AND m.therapist_id = $1 AND m.kind = k.kind ORDER BY m.completed_at ASC, m.id ASC LIMIT 1)
      UNION
      (SELECT m.id, m.kind, m.total, m.completed_at FROM measure_responses m
       WHERE m.client_id = c.client_id AND m.therapist_id = $1 AND m.kind = k.kind ORDER BY m.completed_at DESC, m.id DESC LIMIT 1)
    ) e
  ) measures ON TRUE
  ORDER BY c.display_name, c.client_id`;

/**
 * The same statement, also writing an audit row for each client of the page, as Attune does for every
 * clinical read (action, actor, target, subject, address and a request id; in the same statement, so the
 * read and its rows commit together). What a caseload that keeps an audit trail can reach at best.
 */
export const AUDITED_CASELOAD_SQL = `
  WITH facts AS (${CASELOAD_SQL}),
  audited AS (
    INSERT INTO audit_events (action, actor_id, actor_role, target_type, target_id, subject_user_id, ip, request_id)
    SELECT 'caseload.read', $1, 'THERAPIST', 'client', f."clientId"::varchar, f."clientId", '127.0.0.1', gen_random_uuid()::varchar
    FROM (SELECT "clientId" FROM facts ORDER BY "displayName", "clientId" LIMIT 10) f
  )
  SELECT * FROM facts ORDER BY "displayName", "clientId"`;

const STATEMENTS: Record<string, { name: string; text: string }> = {
  '/caseload': { name: 'caseload', text: CASELOAD_SQL },
  '/caseload-audited': { name: 'caseload_audited', text: AUDITED_CASELOAD_SQL },
};

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/ready') {
    res.writeHead(200).end();
    return;
  }
  const therapist = url.searchParams.get('therapist');
  const statement = STATEMENTS[url.pathname];
  if (!statement || !therapist) {
    res.writeHead(404).end();
    return;
  }
  // Prepared once per connection, as Attune's caseload statement is on PostgreSQL.
  pool.query({ ...statement, values: [therapist] }).then(
    ({ rows }) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ edges: rows.slice(0, 10), hasNextPage: rows.length > 10 }));
    },
    (error: Error) => res.writeHead(500).end(error.message),
  );
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
