import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { mintRecoveryCode } from './databases.js';
import { API_DIR } from './servers.js';
import { portalOperation, signIn } from './scenarios.js';

/** The contract's demo people (docs: /work/shared/CONTRACT.md); therapists have the demo TOTP secret. */
export const DEMO_CLIENTS = ['client@attune.test', 'client2@attune.test', 'client3@attune.test'];
export const DEMO_THERAPISTS = ['therapist@attune.test', 'therapist2@attune.test'];
const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const DAY = 86_400_000;

interface Person {
  email: string;
  id: string;
  cookie: string;
  /** A therapist's client whose record the therapist opens; the client's own id for a client. */
  clientId: string;
}

export interface KindResult {
  kind: string;
  write: boolean;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, connection errors and timeouts. */
  httpErrors: number;
  /** 2xx answers whose body carries GraphQL `errors` or no data. */
  graphqlErrors: number;
  /** Writes answered 2xx without GraphQL errors. */
  acknowledged: number;
  /** The first few distinct failures (status, error code, message), so a failed run says what went wrong. */
  failures: string[];
}

export interface LoadtestResult {
  runId: string;
  seconds: number;
  connections: number;
  kinds: KindResult[];
  all: Omit<KindResult, 'kind' | 'write' | 'failures'>;
}

async function graphql<T>(baseUrl: string, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (res.status !== 200 || body.errors?.length || !body.data) throw new Error(`status ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  return body.data;
}

/**
 * Signs a therapist in once: with a fresh recovery code when the database is at hand, else with the
 * demo TOTP code. A code works once per 30 s step and the API accepts the next step too, so a rerun
 * within the same step uses that one instead of waiting.
 */
async function signInTherapist(baseUrl: string, email: string, databaseUrl: string | undefined): Promise<string> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]).finally(() => client.end());
    if (!rows[0]) throw new Error(`${email} is not in ${new URL(databaseUrl).pathname.slice(1)}: load the demo data first.`);
    return signIn(baseUrl, email, await mintRecoveryCode(databaseUrl, rows[0].id));
  }
  // The API's own TOTP (built CommonJS), so the codes are made exactly as it checks them.
  const totp = (await import(`${API_DIR}dist/modules/identity/totp.js`)) as { currentTotpStep(): number; totpCodeAt(secret: string, step: number): Promise<string> };
  const step = totp.currentTotpStep();
  try {
    return await signIn(baseUrl, email, await totp.totpCodeAt(DEMO_TOTP_SECRET, step));
  } catch {
    return signIn(baseUrl, email, await totp.totpCodeAt(DEMO_TOTP_SECRET, step + 1));
  }
}

async function signInEveryone(baseUrl: string, databaseUrl: string | undefined) {
  const me = (cookie: string) => graphql<{ me: { id: string } }>(baseUrl, cookie, '{ me { id } }').then((data) => data.me.id);
  const clients: Person[] = [];
  for (const email of DEMO_CLIENTS) {
    const cookie = await signIn(baseUrl, email, null);
    const id = await me(cookie);
    clients.push({ email, id, cookie, clientId: id });
  }
  const therapists: Person[] = [];
  for (const email of DEMO_THERAPISTS) {
    const cookie = await signInTherapist(baseUrl, email, databaseUrl);
    const caseload = await graphql<{ caseload: { edges: { node: { client: { id: string } } }[] } }>(baseUrl, cookie, portalOperation('CaseloadPage'), { first: 1, sort: 'NAME', filter: 'ALL' });
    const first = caseload.caseload.edges[0];
    if (!first) throw new Error(`${email} has no clients: load the demo data first.`);
    therapists.push({ email, id: await me(cookie), cookie, clientId: first.node.client.id });
  }
  return { clients, therapists };
}

interface Kind {
  kind: string;
  write: boolean;
  people: Person[];
  /** A request body for this person; `n` counts this kind's requests (writes make each body unique). */
  body(person: Person, n: number): string;
  /** The field a right answer carries. */
  field: string;
}

function kinds(clients: Person[], therapists: Person[], runId: string): Kind[] {
  const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
  const op = (name: string, variables: Record<string, unknown>) => JSON.stringify({ query: portalOperation(name), variables });
  return [
    { kind: 'client home (ClientHomePage)', write: false, people: clients, field: 'client', body: (p) => op('ClientHomePage', { clientId: p.id, recent: iso(-6 * 3_600_000), yearAgo: iso(-365 * DAY), now: iso(0) }) },
    { kind: 'save a draft (SaveReflectionDraft)', write: true, people: clients, field: 'saveReflectionDraft', body: (_p, n) => op('SaveReflectionDraft', { body: `Load test ${runId}: draft ${n}`, mood: (n % 5) + 1 }) },
    { kind: 'write a reflection (WriteReflection)', write: true, people: clients, field: 'writeReflection', body: (_p, n) => op('WriteReflection', { input: { body: `Load test ${runId}: reflection ${n}`, mood: (n % 5) + 1, share: false } }) },
    { kind: 'caseload (CaseloadPage)', write: false, people: therapists, field: 'caseload', body: () => op('CaseloadPage', { first: 10, search: null, sort: 'NAME', filter: 'ALL' }) },
    { kind: 'client record (ClientPage)', write: false, people: therapists, field: 'client', body: (p) => op('ClientPage', { id: p.clientId, yearAgo: iso(-365 * DAY) }) },
  ];
}

type RawResult = autocannon.Result & { latency: { totalCount: number } };
// In autocannon 9 but not in its typings: merges raw results (`skipAggregateResult`) and their latency histograms.
const aggregateResult = (autocannon as unknown as { aggregateResult(results: RawResult[], options: object): RawResult }).aggregateResult;

/**
 * Runs every kind of request at once, each on its own autocannon instance with one connection per
 * person (a connection stays with its person), for `seconds`. Writes carry a fresh Idempotency-Key,
 * as the portal sends them.
 */
export async function runLoadtest(options: { baseUrl: string; seconds: number; databaseUrl?: string; log?: (line: string) => void }): Promise<LoadtestResult> {
  const log = options.log ?? (() => {});
  const runId = randomUUID().slice(0, 8);
  const { clients, therapists } = await signInEveryone(options.baseUrl, options.databaseUrl);
  log(`Signed in ${clients.length} clients and ${therapists.length} therapists; ${options.seconds} s of load on ${options.baseUrl} (run ${runId}) …`);
  const list = kinds(clients, therapists, runId);
  const raw: RawResult[] = [];
  const results = await Promise.all(
    list.map(async (kind) => {
      let assigned = 0;
      let sent = 0;
      let graphqlErrors = 0;
      let acknowledged = 0;
      const failures = new Set<string>();
      const noteFailure = (status: number, body: string) => {
        if (failures.size < 5) failures.add(`${status} ${body.slice(0, 300)}`);
      };
      const result = (await autocannon({
        url: `${options.baseUrl}/graphql`,
        connections: kind.people.length,
        duration: options.seconds,
        skipAggregateResult: true,
        requests: [
          {
            method: 'POST',
            setupRequest: (request, context: Record<string, unknown>) => {
              context.person ??= kind.people[assigned++ % kind.people.length];
              const person = context.person as Person;
              const headers: Record<string, string> = { 'content-type': 'application/json', cookie: person.cookie };
              if (kind.write) headers['idempotency-key'] = randomUUID();
              return { ...request, method: 'POST', path: '/graphql', headers, body: kind.body(person, sent++) };
            },
            onResponse: (status: number, body: string) => {
              if (status < 200 || status >= 300) return noteFailure(status, body);
              let parsed: { data?: Record<string, unknown> | null; errors?: unknown[] } = {};
              try {
                parsed = JSON.parse(body) as typeof parsed;
              } catch {
                // A 2xx that is not JSON is no answer either.
              }
              if (parsed.errors?.length || !parsed.data?.[kind.field]) {
                graphqlErrors++;
                // The API's errors carry a code and a plain message, never clinical text (the error contract).
                noteFailure(status, JSON.stringify(parsed.errors ?? parsed));
              } else if (kind.write) acknowledged++;
            },
          },
        ],
      } as autocannon.Options)) as RawResult;
      raw.push(result);
      return { kind, result, graphqlErrors, acknowledged, failures: [...failures] };
    }),
  );
  const summarise = (rawResults: RawResult[], graphqlErrors: number, acknowledged: number) => {
    const merged = aggregateResult(rawResults, { url: `${options.baseUrl}/graphql` });
    return {
      requests: merged.latency.totalCount,
      reqPerSec: merged.latency.totalCount / options.seconds,
      p50: merged.latency.p50,
      p99: merged.latency.p99,
      httpErrors: merged.non2xx + merged.errors,
      graphqlErrors,
      acknowledged,
    };
  };
  return {
    runId,
    seconds: options.seconds,
    connections: list.reduce((sum, kind) => sum + kind.people.length, 0),
    kinds: results.map(({ kind, result, graphqlErrors, acknowledged, failures }) => ({ kind: kind.kind, write: kind.write, ...summarise([result], graphqlErrors, acknowledged), failures })),
    all: summarise(
      raw,
      results.reduce((sum, r) => sum + r.graphqlErrors, 0),
      results.reduce((sum, r) => sum + r.acknowledged, 0),
    ),
  };
}

/** The result as a Markdown table (it reads as plain text too). */
export function renderLoadtest(result: LoadtestResult): string {
  const num = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1));
  const row = (name: string, r: LoadtestResult['all'], write: boolean | null) =>
    `| ${name} | ${write === null ? '' : write ? 'write' : 'read'} | ${r.requests.toLocaleString('en-US')} | ${num(r.reqPerSec)} | ${r.p50} | ${r.p99} | ${r.httpErrors} | ${r.graphqlErrors} |`;
  return [
    '| request | kind | requests | req/s | p50 ms | p99 ms | non-2xx / socket errors | GraphQL errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.kinds.map((kind) => row(kind.kind, kind, kind.write)),
    row('**all**', result.all, null),
    ...result.kinds.flatMap((kind) => kind.failures.map((failure) => `\n${kind.kind} failed: ${failure}`)),
  ].join('\n');
}
