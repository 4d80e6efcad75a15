/** Socket errors that mean the database cannot be reached (or its address does not resolve). */
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOENT']);

/**
 * SQLSTATEs for a database that is away or shutting down, not for a bad query: class 08 (connection
 * exception), 57P01–57P03 (terminated by an administrator, crash, starting up), 53300 (too many
 * connections), 57014 (cancelled by statement_timeout).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300|57014)$/;

/** pg's own messages when a connection breaks or the pool cannot give one in time; they carry no code. */
const DRIVER_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed)/;

/**
 * True when an error means "the database is away just now" rather than "this request is wrong":
 * callers get SERVICE_UNAVAILABLE and may retry. Follows TypeORM's `driverError` and `cause` links.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && (NETWORK_ERRORS.has(code) || UNAVAILABLE_STATES.test(code))) return true;
    // A refused connection at start of session (e.g. ALLOW_CONNECTIONS false: 55000) comes from connecting, not from a query.
    if (code === '55000' && /not currently accepting connections/.test(current.message)) return true;
    if (DRIVER_MESSAGES.test(current.message)) return true;
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable)) return true;
    current = (current as { driverError?: unknown }).driverError ?? current.cause;
  }
  return false;
}
