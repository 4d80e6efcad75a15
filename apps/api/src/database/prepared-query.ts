import { createHash } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';

/** A bound on the names one process prepares: each lives on every pooled connection until it closes. */
const MAX_NAMED_STATEMENTS = 200;

/** Each text's statement name; null once the text runs unnamed for good. */
const namesByText = new Map<string, string | null>();

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot statement of fixed shape as a named prepared statement on PostgreSQL: each pooled connection
 * parses it once and reuses its plan, where an unnamed statement is sent, parsed and planned on every request.
 * The caseload's statement took longer to parse and plan (2.5–3.3 ms) than to run (2.4 ms), and its ~7 KB
 * of text went over the socket every time. The name is a hash of the text, so a text never meets another's
 * plan; only texts whose values are all parameters belong here (at most `MAX_NAMED_STATEMENTS` of them; past
 * that, a new text runs unnamed). The embedded database runs every connection on one session, where a name
 * prepared by a connection since replaced would collide, so there it is an ordinary query.
 */
export async function preparedQuery<Row>(dataSource: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  const name = namedStatementsAllowed(dataSource) ? nameFor(text) : null;
  if (!name) return dataSource.query(text, values);
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  // As TypeORM's own query does: the logger sees the statement, and a failure is a QueryFailedError.
  dataSource.logger.logQuery(text, values);
  try {
    return (await pool.query({ name, text, values })).rows as Row[];
  } catch (error) {
    if (isStalePlan(error)) {
      // A migration changed a column the statement returns (a new version deploying beside this one): the
      // prepared plan stays stale on every connection that holds it, so this process stops naming the text.
      namesByText.set(text, null);
      return dataSource.query(text, values);
    }
    dataSource.logger.logQueryError(error as Error, text, values);
    throw new QueryFailedError(text, values, error as Error);
  }
}

/** Only a PostgreSQL server named by URL: the embedded database is reached by host and port. */
function namedStatementsAllowed(dataSource: DataSource) {
  return dataSource.options.type === 'postgres' && Boolean(dataSource.options.url);
}

function nameFor(text: string): string | null {
  let name = namesByText.get(text);
  if (name !== undefined) return name;
  if (namesByText.size >= MAX_NAMED_STATEMENTS) return null;
  name = `attune_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  namesByText.set(text, name);
  return name;
}

/** PostgreSQL's answer when a prepared statement's result columns changed under it (SQLSTATE 0A000). */
function isStalePlan(error: unknown) {
  return (error as { code?: unknown }).code === '0A000' && /cached plan must not change result type/.test((error as Error).message);
}
