import { arrangeCaseloads, dropDatabase, findFixtures, mintRecoveryCode, seededDatabase, type Fixtures, type Size } from './databases.js';
import { checkScenario, load, sendSequentially, type LoadResult } from './load.js';
import { scenarios, signIn, type Scenario, type ServerName } from './scenarios.js';
import { startAttune, startPostGraphile, startRawSql, type RunningServer } from './servers.js';
import { noStatements, startStatementCounter, type StatementCounts } from './statement-counter.js';

export interface BenchOptions {
  /** A PostgreSQL server URL (any database on it) where the bench may create its own databases. */
  serverUrl: string;
  sizes: Size[];
  databaseName(size: Size): string;
  rounds: number;
  durationSeconds: number;
  /**
   * Untimed load on each request before it is timed, in windows of this many seconds (every server starts cold
   * each round): repeated while a window is faster than the one before, up to `maxWarmupSeconds` in all.
   */
  warmupSeconds: number;
  maxWarmupSeconds: number;
  connections: number;
  postgraphile: boolean;
  rawSql: boolean;
  /** Fast mode: arrange caseloads of 5 and 200 and count the caseload's statements for both. */
  caseloadsOf5And200: boolean;
  dropAfter: boolean;
  /** Requests per scenario while counting statements (after one warm-up request). */
  countedRequests: number;
  log(line: string): void;
}

export interface Row {
  size: string;
  scenario: string;
  server: ServerName;
  statements: StatementCounts;
  rounds: (LoadResult & { rssMb: number })[];
}

export interface BenchResult {
  sizes: { size: Size; fixtures: Fixtures }[];
  rows: Row[];
  /** Statements per caseload request for a caseload of this many clients (fast mode). */
  caseloadStatementsBySize: Record<number, StatementCounts>;
}

type Servers = Partial<Record<ServerName, RunningServer>>;

async function startServers(urls: Record<ServerName, string>, options: BenchOptions): Promise<Servers> {
  const servers: Servers = {};
  try {
    servers.Attune = await startAttune(urls.Attune);
    if (options.postgraphile) servers.PostGraphile = await startPostGraphile(urls.PostGraphile);
    if (options.rawSql) servers['raw SQL'] = await startRawSql(urls['raw SQL']);
    return servers;
  } catch (error) {
    await stopServers(servers);
    throw error;
  }
}

async function stopServers(servers: Servers) {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
}

async function scenariosFor(url: string, attune: RunningServer, fixtures: Fixtures, options: BenchOptions): Promise<Scenario[]> {
  const therapist = await signIn(attune.url, fixtures.therapist.email, await mintRecoveryCode(url, fixtures.therapist.id));
  const client = await signIn(attune.url, fixtures.client.email, null);
  return scenarios(fixtures, { therapist, client }, options);
}

/**
 * Statements per request, counted on the wire between each server and PostgreSQL (see
 * statement-counter.ts): every server starts once behind its own counting proxy, then each scenario
 * is sent one warm-up request and `countedRequests` more, one at a time.
 */
async function countStatements(url: string, fixtures: Fixtures, options: BenchOptions, extraCaseloads: Fixtures[]) {
  const target = { host: new URL(url).hostname, port: Number(new URL(url).port || 5432) };
  const counters = { Attune: await startStatementCounter(target), PostGraphile: await startStatementCounter(target), 'raw SQL': await startStatementCounter(target) };
  const through = (name: ServerName) => {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(counters[name].port);
    return proxied.toString();
  };
  const servers = await startServers({ Attune: through('Attune'), PostGraphile: through('PostGraphile'), 'raw SQL': through('raw SQL') }, options);
  try {
    const perScenario = new Map<string, StatementCounts>();
    const measure = async (scenario: Scenario) => {
      const server = servers[scenario.server]!;
      await checkScenario(server.url, scenario);
      await sendSequentially(server.url, scenario, 1);
      counters[scenario.server].take();
      await sendSequentially(server.url, scenario, options.countedRequests);
      const taken = counters[scenario.server].take();
      const per = noStatements();
      for (const key of Object.keys(per) as (keyof StatementCounts)[]) per[key] = taken[key] / options.countedRequests;
      return per;
    };
    for (const scenario of await scenariosFor(url, servers.Attune!, fixtures, options)) perScenario.set(`${scenario.server}: ${scenario.name}`, await measure(scenario));
    const bySize: Record<number, StatementCounts> = {};
    for (const other of extraCaseloads) {
      const [caseload] = await scenariosFor(url, servers.Attune!, other, { ...options, postgraphile: false, rawSql: false });
      bySize[other.therapist.clients] = await measure(caseload!);
    }
    return { perScenario, bySize };
  } finally {
    await stopServers(servers);
    await Promise.all(Object.values(counters).map((counter) => counter.close()));
  }
}

/** A window must be this much faster than the one before for the server to count as still warming up. */
const STILL_RISING = 1.03;

/**
 * Loads a request untimed until the server answers it at a steady rate: a window of `warmupSeconds`, then
 * another as long as the last was more than 3% faster than the one before, at most `maxWarmupSeconds` in all.
 * A fresh Node server runs well below its steady rate for its first seconds under load (V8's optimising
 * compiler takes a core from PostgreSQL on a 2-core machine: a caseload measured after 3 s read 30% below
 * the same server's rate a minute later), while the raw server, a page of code, is warm at once. Production
 * servers run warm, so the bench compares them warm.
 */
async function warmUp(url: string, scenario: Scenario, options: BenchOptions): Promise<{ seconds: number; rates: number[] }> {
  const rates: number[] = [];
  let seconds = 0;
  while (options.warmupSeconds > 0 && seconds + options.warmupSeconds <= Math.max(options.maxWarmupSeconds, options.warmupSeconds)) {
    rates.push(Math.round((await load(url, scenario, { ...options, durationSeconds: options.warmupSeconds })).reqPerSec));
    seconds += options.warmupSeconds;
    const [before, last] = rates.slice(-2);
    if (rates.length >= 2 && last! <= before! * STILL_RISING) break;
  }
  return { seconds, rates };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const prepared: { size: Size; url: string; fixtures: Fixtures; statements: Map<string, StatementCounts> }[] = [];
  const result: BenchResult = { sizes: [], rows: [], caseloadStatementsBySize: {} };
  try {
    for (const size of options.sizes) {
      const url = await seededDatabase(options.serverUrl, options.databaseName(size), size, options.log);
      let fixtures: Fixtures;
      const extra: Fixtures[] = [];
      if (options.caseloadsOf5And200) {
        const { small, large } = await arrangeCaseloads(url);
        fixtures = await findFixtures(url, large);
        extra.push(await findFixtures(url, small), fixtures);
      } else {
        fixtures = await findFixtures(url);
      }
      options.log(`${size.label}: ${fixtures.description}; largest caseload ${fixtures.therapist.clients} clients. Counting SQL statements …`);
      const counted = await countStatements(url, fixtures, options, extra);
      Object.assign(result.caseloadStatementsBySize, counted.bySize);
      prepared.push({ size, url, fixtures, statements: counted.perScenario });
      result.sizes.push({ size, fixtures });
    }
    // Rows in table order (size, then request), whatever order they are measured in.
    const rowFor = (size: Size, scenario: Scenario, statements: Map<string, StatementCounts>) => {
      let row = result.rows.find((r) => r.size === size.label && r.scenario === scenario.name && r.server === scenario.server);
      if (!row) result.rows.push((row = { size: size.label, scenario: scenario.name, server: scenario.server, statements: statements.get(`${scenario.server}: ${scenario.name}`) ?? noStatements(), rounds: [] }));
      return row;
    };
    for (const { size, fixtures, statements } of prepared) for (const scenario of scenarios(fixtures, { therapist: '', client: '' }, options)) rowFor(size, scenario, statements);
    // Each round starts every size's servers afresh, then times each request at one size and straight after at
    // the other, so the two sizes of a request are measured a few seconds apart: this machine's speed drifts
    // by a fifth from one minute to the next, more than history changes the caseload. The sizes take turns
    // going first.
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? prepared : [...prepared].reverse();
      options.log(`Round ${round + 1} of ${options.rounds} (${order.map(({ size }) => size.label).join(', then ')}, request by request) …`);
      const running: { size: Size; servers: Servers; scenarios: Scenario[]; statements: Map<string, StatementCounts> }[] = [];
      try {
        for (const { size, url, fixtures, statements } of order) {
          const servers = await startServers({ Attune: url, PostGraphile: url, 'raw SQL': url }, options);
          const entry = { size, servers, statements, scenarios: [] as Scenario[] };
          running.push(entry); // before signing in, so a failure there still stops these servers
          entry.scenarios = await scenariosFor(url, servers.Attune!, fixtures, options);
        }
        for (let index = 0; index < running[0]!.scenarios.length; index++) {
          for (const { size, servers, scenarios: list, statements } of running) {
            const scenario = list[index]!;
            const server = servers[scenario.server]!;
            await checkScenario(server.url, scenario);
            const warm = await warmUp(server.url, scenario, options);
            if (warm.rates.length > 2) options.log(`  ${size.label}, ${scenario.server}, ${scenario.name}: warm after ${warm.seconds} s (${warm.rates.join(' → ')} req/s)`);
            const loaded = await load(server.url, scenario, options);
            rowFor(size, scenario, statements).rounds.push({ ...loaded, rssMb: server.rssMb() });
          }
        }
      } finally {
        await Promise.all(running.map(({ servers }) => stopServers(servers)));
      }
    }
    return result;
  } finally {
    if (options.dropAfter) for (const size of options.sizes) await dropDatabase(options.serverUrl, options.databaseName(size));
  }
}
