import autocannon from 'autocannon';
import type { Scenario } from './scenarios.js';

export interface LoadResult {
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Responses other than 2xx, plus connection errors and timeouts: any makes the row suspect. */
  failures: number;
}

/** One scenario's answer, checked before it is put under load. */
export async function checkScenario(baseUrl: string, scenario: Scenario) {
  const res = await fetch(`${baseUrl}${scenario.path}`, { method: scenario.method, headers: scenario.headers, body: scenario.body, redirect: 'manual' });
  const problem = scenario.check(res.status, await res.text());
  if (problem) throw new Error(`${scenario.server}, ${scenario.name}: ${problem}`);
}

export async function load(baseUrl: string, scenario: Scenario, options: { connections: number; durationSeconds: number }): Promise<LoadResult> {
  const result = await autocannon({
    url: `${baseUrl}${scenario.path}`,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    connections: options.connections,
    duration: options.durationSeconds,
  });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors, // errors include timeouts
  };
}

/** Sends a scenario's request `times` times, one after another (for counting statements). */
export async function sendSequentially(baseUrl: string, scenario: Scenario, times: number) {
  for (let i = 0; i < times; i++) {
    const res = await fetch(`${baseUrl}${scenario.path}`, { method: scenario.method, headers: scenario.headers, body: scenario.body, redirect: 'manual' });
    await res.arrayBuffer();
  }
}
