import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runBench } from './bench.js';
import { renderReport, SECTION_END, SECTION_START, writeSection } from './report.js';
import { portalOperation, validateAgainstAttune } from './scenarios.js';
import { FrontendMessageReader, noStatements } from './statement-counter.js';

/**
 * Ceilings on SQL statements per request, as measured today (sign-in lookup and audit rows included;
 * a signed-in session is remembered for a few seconds, so a warmed-up request looks it up no more).
 * Lower them as the per-request path gets leaner; issue 10's goal for the caseload is 3, and by name it is 1
 * (the page chosen by the stored name key, its facts, and its audit rows written by that same statement). The client pages
 * write their audit rows in one insert now (10 and 11 statements in client-pages-statements.int-spec.ts: the
 * record gained measure schedules and responses, the home the measures due; the record measured 12 and 13
 * on two runs after that, the first request of a signed-in session looking the session up);
 * the client record once varied by one from one request to the next, so both ceilings leave one.
 */
const CEILINGS: Record<string, number> = {
  caseload: 1,
  'client record': 13,
  'client home': 12,
  'article page': 2,
  '{ me { id } }': 0,
  'sign-in': 5,
};

test('the portal operations the bench sends still fit Attune’s schema', () => {
  for (const name of ['CaseloadPage', 'ClientPage', 'ClientHomePage', 'SignIn', 'VerifyMfa']) assert.deepEqual(validateAgainstAttune(portalOperation(name)), [], name);
});

test('the statement counter follows Parse, Bind and Execute across chunk boundaries', () => {
  const counts = noStatements();
  const reader = new FrontendMessageReader(() => counts);
  const message = (type: string, ...parts: (string | Buffer)[]) => {
    const body = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(`${part}\0`) : part)));
    const header = Buffer.alloc(5);
    header.write(type, 0);
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  };
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8, 0);
  startup.writeInt32BE(196_608, 4);
  const stream = Buffer.concat([
    startup,
    message('Q', 'BEGIN'),
    message('P', 'lookup', 'SELECT * FROM "auth_sessions" WHERE id = $1', Buffer.alloc(2)),
    message('B', '', 'lookup', Buffer.alloc(6)),
    message('E', '', Buffer.alloc(4)),
    message('B', '', 'lookup', Buffer.alloc(6)),
    message('E', '', Buffer.alloc(4)),
    message('P', '', 'INSERT INTO "audit_events" ("action") VALUES ($1)', Buffer.alloc(2)),
    message('B', '', '', Buffer.alloc(6)),
    message('E', '', Buffer.alloc(4)),
    message('S'),
    message('Q', 'COMMIT'),
  ]);
  for (let at = 0; at < stream.length; at += 3) reader.push(stream.subarray(at, at + 3));
  assert.deepEqual(counts, { total: 5, session: 2, audit: 1, transaction: 2 });
});

test('a rerun replaces the marked section of docs/performance.md instead of adding another', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'performance.md');
  fs.writeFileSync(file, '# Performance\n\nText before.\n');
  writeSection(file, '## First', renderReport({ sizes: [], rows: [], caseloadStatementsBySize: {} }, 'a machine', 'settings'));
  writeSection(file, '## Second', 'the new table');
  const text = fs.readFileSync(file, 'utf8');
  assert.equal(text.split(SECTION_START).length, 2);
  assert.ok(text.startsWith('# Performance\n\nText before.\n'));
  assert.ok(text.includes(`## Second\n\nthe new table\n${SECTION_END}`) && !text.includes('## First'));
});

const serverUrl = process.env.TEST_DATABASE_URL;
test(
  'fast mode: every request answers under load, and SQL statements per request stay under their ceilings',
  {
    skip: serverUrl
      ? false
      : 'the bench needs PostgreSQL (TEST_DATABASE_URL): it seeds its own database, runs PostGraphile beside Attune and counts statements on the wire, which the in-process embedded database does not have',
    timeout: 600_000,
  },
  async () => {
    const database = `attune_bench_fast_${process.pid}_${Date.now()}`;
    const result = await runBench({
      serverUrl: serverUrl!,
      // 15 therapists hold at least 225 clients (15 to 35 each): always enough for a caseload of 200 beside one of 5.
      sizes: [{ label: 'fast', scale: 15, years: 1 }],
      databaseName: () => database,
      rounds: 1,
      durationSeconds: 1,
      warmupSeconds: 0,
      maxWarmupSeconds: 0,
      connections: 2,
      postgraphile: true,
      rawSql: true,
      caseloadsOf5And200: true,
      dropAfter: true,
      countedRequests: 2,
      log: () => {},
    });
    for (const row of result.rows) {
      assert.equal(row.rounds[0]!.failures, 0, `${row.server}, ${row.scenario}: failed requests`);
      assert.ok(row.rounds[0]!.reqPerSec > 0, `${row.server}, ${row.scenario}: no answers`);
      if (row.server !== 'Attune') {
        if (row.scenario.startsWith('caseload')) assert.equal(row.statements.total, 1, `${row.server} caseload`);
        continue;
      }
      const ceiling = Object.entries(CEILINGS).find(([prefix]) => row.scenario.startsWith(prefix));
      if (ceiling) assert.ok(row.statements.total <= ceiling[1], `${row.scenario}: ${row.statements.total} statements per request (${JSON.stringify(row.statements)}), the ceiling is ${ceiling[1]}`);
    }
    const bySize = result.caseloadStatementsBySize;
    assert.deepEqual(Object.keys(bySize).sort(), ['200', '5']);
    assert.equal(bySize[200]!.total, bySize[5]!.total, `a caseload of 200 costs other statements than one of 5: ${JSON.stringify(bySize)}`);
    assert.ok(bySize[200]!.total <= CEILINGS.caseload!);
  },
);
