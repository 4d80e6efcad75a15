import net from 'node:net';

/** What the servers under test sent to PostgreSQL, sorted the way issue 10 counts it. */
export interface StatementCounts {
  /** Every statement executed: each Execute of the extended protocol, each simple Query. */
  total: number;
  /** Statements on `auth_sessions`: the sign-in lookup (and its refresh). */
  session: number;
  /** Audit rows written. */
  audit: number;
  /** BEGIN / START TRANSACTION / COMMIT / ROLLBACK / SAVEPOINT. */
  transaction: number;
}

export const noStatements = (): StatementCounts => ({ total: 0, session: 0, audit: 0, transaction: 0 });

function classify(sql: string, counts: StatementCounts) {
  counts.total++;
  if (/"?auth_sessions"?/.test(sql)) counts.session++;
  else if (/^\s*INSERT INTO "?audit_events"?/i.test(sql)) counts.audit++;
  else if (/^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b/i.test(sql)) counts.transaction++;
}

const cstring = (buffer: Buffer, at: number): [string, number] => {
  const end = buffer.indexOf(0, at);
  return [buffer.toString('utf8', at, end), end + 1];
};

/**
 * Reads one connection's frontend (client → server) messages of the PostgreSQL wire protocol and counts
 * the statements it executes. Statements are tracked from Parse to Bind to Execute, so a prepared
 * statement executed a thousand times is counted a thousand times.
 */
export class FrontendMessageReader {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;
  private readonly statements = new Map<string, string>();
  private readonly portals = new Map<string, string>();

  constructor(private readonly counts: () => StatementCounts) {}

  push(chunk: Buffer) {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (!this.started) {
        // Untyped start-up packets: SSL/GSS requests (answered by one byte) and then the StartupMessage.
        if (this.pending.length < 8) return;
        const length = this.pending.readInt32BE(0);
        if (this.pending.length < length) return;
        const code = this.pending.readInt32BE(4);
        if (code === 196_608) this.started = true; // protocol 3.0
        this.pending = this.pending.subarray(length);
        continue;
      }
      if (this.pending.length < 5) return;
      const length = this.pending.readInt32BE(1);
      if (this.pending.length < 1 + length) return;
      this.read(String.fromCharCode(this.pending[0]!), this.pending.subarray(5, 1 + length));
      this.pending = this.pending.subarray(1 + length);
    }
  }

  private read(type: string, body: Buffer) {
    if (type === 'Q') {
      classify(cstring(body, 0)[0], this.counts());
    } else if (type === 'P') {
      const [name, at] = cstring(body, 0);
      this.statements.set(name, cstring(body, at)[0]);
    } else if (type === 'B') {
      const [portal, at] = cstring(body, 0);
      this.portals.set(portal, this.statements.get(cstring(body, at)[0]) ?? '');
    } else if (type === 'E') {
      classify(this.portals.get(cstring(body, 0)[0]) ?? '', this.counts());
    }
  }
}

/**
 * A TCP proxy in front of PostgreSQL that counts what one server sends. It sits in the path only while
 * statements are counted, never while requests are timed.
 */
export async function startStatementCounter(target: { host: string; port: number }) {
  let counts = noStatements();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    const reader = new FrontendMessageReader(() => counts);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      reader.push(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    /** Starts counting afresh and returns what was counted since the last call. */
    take(): StatementCounts {
      const taken = counts;
      counts = noStatements();
      return taken;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
