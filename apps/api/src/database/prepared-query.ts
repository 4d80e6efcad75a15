import { createHash } from 'node:crypto';
import { QueryFailedError, type DataSource } from 'typeorm';

/** A bound on the names one process prepares: each lives on every pooled connection until it closes. */
const MAX_NAMED_STATEMENTS = 200;

/** A statement as sent: positional placeholders, the named parameter each takes, and its statement name (null: unnamed). */
interface Compiled {
  text: string;
  parameters: string[];
  name: string | null;
}

/** Each SQL text with named parameters, compiled once: TypeORM's rewriting of ~7 KB of text was 3% of a caseload request. */
const compiledBySql = new Map<string, Compiled>();

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot statement of fixed shape as a named prepared statement on PostgreSQL: each pooled connection
 * parses it once and reuses its plan, where an unnamed statement is sent, parsed and planned on every request.
 * The caseload's statement took longer to parse and plan (2.5–3.3 ms) than to run (2.4 ms), and its ~7 KB
 * of text went over the socket every time. Its plan is made once, for any values (`plan_cache_mode` in
 * data-source.ts), so the cost of a run does not depend on them. The name is a hash of the text, so a text never meets another's
 * plan; only texts whose values are all parameters belong here (at most `MAX_NAMED_STATEMENTS` of them; past
 * that, a new text runs unnamed). The embedded database runs every connection on one session, where a name
 * prepared by a connection since replaced would collide, so there it is an ordinary query.
 */
export async function preparedQuery<Row>(dataSource: DataSource, sql: string, parameters: Record<string, unknown>): Promise<Row[]> {
  const compiled = compile(dataSource, sql, parameters);
  const { text, name } = compiled;
  const values = compiled.parameters.map((parameter) => parameters[parameter]);
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
      compiled.name = null;
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

/**
 * `:name` placeholders become `$n` as TypeORM writes them; which parameter each takes is found by compiling
 * once with markers for values (TypeORM passes a value on as it is, unless it is spread or a function, and
 * these statements use neither). Past `MAX_NAMED_STATEMENTS` texts, a new one is compiled each time, unnamed.
 */
function compile(dataSource: DataSource, sql: string, parameters: Record<string, unknown>): Compiled {
  const known = compiledBySql.get(sql);
  if (known) return known;
  const markers = Object.fromEntries(Object.keys(parameters).map((parameter) => [parameter, { parameter }]));
  const [text, marked] = dataSource.driver.escapeQueryWithParameters(sql, markers);
  const compiled: Compiled = { text, parameters: (marked as { parameter: string }[]).map((marker) => marker.parameter), name: null };
  if (compiledBySql.size >= MAX_NAMED_STATEMENTS) return compiled;
  if (namedStatementsAllowed(dataSource)) compiled.name = `attune_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  compiledBySql.set(sql, compiled);
  return compiled;
}

/** PostgreSQL's answer when a prepared statement's result columns changed under it (SQLSTATE 0A000). */
function isStalePlan(error: unknown) {
  return (error as { code?: unknown }).code === '0A000' && /cached plan must not change result type/.test((error as Error).message);
}
