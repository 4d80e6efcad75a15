import fs from 'node:fs';
import os from 'node:os';
import type { BenchResult, Row } from './bench.js';
import { RAW_AUDITED_CASELOAD, RAW_CASELOAD } from './scenarios.js';
import type { StatementCounts } from './statement-counter.js';

export const SECTION_START = '<!-- pnpm bench: start (written by bench/, replaced on each run) -->';
export const SECTION_END = '<!-- pnpm bench: end -->';

const num = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1));
const spread = (values: number[], unit = '') => values.map((value) => num(value) + unit).join(' / ');

export function statementsText(counts: StatementCounts) {
  const one = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
  return `${one(counts.total)} (${one(counts.session)} session, ${one(counts.audit)} audit, ${one(counts.transaction)} tx)`;
}

const CASELOAD = /^caseload/;
const caseloadOf = (rows: Row[], size: string, server: Row['server'], scenario?: string) =>
  rows.find((row) => row.size === size && row.server === server && (scenario ? row.scenario === scenario : CASELOAD.test(row.scenario)));

/** The table, the caseload ratios and the machine, as Markdown (it reads as plain text too). */
export function renderReport(result: BenchResult, machine: string, settings: string): string {
  const lines = [
    `Machine: ${machine}.`,
    `Settings: ${settings}.`,
    '',
    ...result.sizes.map(({ size, fixtures }) => `- ${size.label} (\`--scale ${size.scale} --years ${size.years}\`): ${fixtures.description}; the caseload is the largest, ${fixtures.therapist.clients} clients.`),
    '',
    '| data | server | request | req/s | p50 ms | p99 ms | SQL statements / request | RSS MB |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of result.rows) {
    const failures = row.rounds.reduce((sum, round) => sum + round.failures, 0);
    lines.push(
      `| ${row.size} | ${row.server} | ${row.scenario}${failures ? ` (**${failures} failed**)` : ''} | ${spread(row.rounds.map((r) => r.reqPerSec))} | ${spread(row.rounds.map((r) => r.p50))} | ${spread(row.rounds.map((r) => r.p99))} | ${statementsText(row.statements)} | ${spread(row.rounds.map((r) => r.rssMb))} |`,
    );
  }
  lines.push('', 'Each cell lists the rounds in order. Ratios of Attune\'s caseload, round by round:', '');
  for (const { size } of result.sizes) {
    const attune = caseloadOf(result.rows, size.label, 'Attune');
    if (!attune) continue;
    const ratio = (other: Row | undefined) => (other ? attune.rounds.map((round, i) => (round.reqPerSec / other.rounds[i]!.reqPerSec).toFixed(2)).join(' / ') : 'not run');
    lines.push(
      `- ${size.label}: req/s ÷ PostGraphile's ${ratio(caseloadOf(result.rows, size.label, 'PostGraphile'))}; ÷ the raw SQL's ${ratio(caseloadOf(result.rows, size.label, 'raw SQL', RAW_CASELOAD))}; ÷ the raw SQL's writing its audit rows too ${ratio(caseloadOf(result.rows, size.label, 'raw SQL', RAW_AUDITED_CASELOAD))}.`,
    );
  }
  const [small, large] = result.sizes;
  const first = small && caseloadOf(result.rows, small.size.label, 'Attune');
  const second = large && caseloadOf(result.rows, large.size.label, 'Attune');
  if (first && second) lines.push(`- Caseload p50 at ${large.size.label} ÷ at ${small.size.label}: ${first.rounds.map((round, i) => (second.rounds[i]!.p50 / round.p50).toFixed(2)).join(' / ')}.`);
  for (const [clients, counts] of Object.entries(result.caseloadStatementsBySize)) lines.push(`- Caseload of ${clients} clients: ${statementsText(counts)} statements per request.`);
  return lines.join('\n');
}

export function describeMachine(postgresVersion: string, loadAtStart: number[]) {
  const cpu = os.cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${postgresVersion}, load average at start ${loadAtStart.map((value) => value.toFixed(2)).join(' ')}`;
}

/** Replaces a marked section of a document (docs/performance.md unless other markers are given), or appends one. */
export function writeSection(file: string, heading: string, body: string, markers: { start: string; end: string } = { start: SECTION_START, end: SECTION_END }) {
  const text = fs.readFileSync(file, 'utf8');
  const section = `${markers.start}\n${heading}\n\n${body}\n${markers.end}`;
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  const next = start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + markers.end.length) : `${text.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
}
