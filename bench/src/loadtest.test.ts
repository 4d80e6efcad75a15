import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DEMO_CLIENTS, runLoadtest } from './loadtest.js';
import { portalOperation, signIn } from './scenarios.js';
import { startAttuneEmbedded } from './servers.js';

interface ReflectionsPage {
  reflectionDraft: { body: string } | null;
  reflections: { edges: { node: { body: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** A client's draft and every reflection body, read through the portal's own query. */
async function readReflections(baseUrl: string, email: string) {
  const cookie = await signIn(baseUrl, email, null);
  const me = (await (await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: '{ me { id } }' }) })).json()) as { data: { me: { id: string } } };
  const bodies: string[] = [];
  let draft: string | null = null;
  let after: string | null = null;
  for (;;) {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: portalOperation('ReflectionsPage'), variables: { clientId: me.data.me.id, first: 50, after } }),
    });
    const body = (await res.json()) as { data?: ReflectionsPage; errors?: { message: string }[] };
    assert.ok(body.data, JSON.stringify(body.errors));
    draft = body.data.reflectionDraft?.body ?? null;
    bodies.push(...body.data.reflections.edges.map((edge) => edge.node.body));
    if (!body.data.reflections.pageInfo.hasNextPage) break;
    after = body.data.reflections.pageInfo.endCursor;
  }
  return { draft, bodies };
}

test('pnpm loadtest: mixed reads and writes by the demo clients and therapists answer without an error, and the writes are there afterwards', { timeout: 300_000 }, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-loadtest-'));
  const server = await startAttuneEmbedded(dataDir, process.env.LOADTEST_TEST_PORT ? Number(process.env.LOADTEST_TEST_PORT) : undefined);
  try {
    const before = await Promise.all(DEMO_CLIENTS.map((email) => readReflections(server.url, email)));
    const result = await runLoadtest({ baseUrl: server.url, seconds: 3 });
    for (const kind of [...result.kinds, { kind: 'all', ...result.all }]) {
      assert.ok(kind.requests > 0, `${kind.kind}: no requests answered`);
      const failures = 'failures' in kind && kind.failures.length ? `: ${kind.failures.join(' | ')}\nThe server's stderr: ${server.stderr()}` : '';
      assert.equal(kind.httpErrors, 0, `${kind.kind}: non-2xx answers or socket errors${failures}`);
      assert.equal(kind.graphqlErrors, 0, `${kind.kind}: GraphQL errors${failures}`);
    }
    const after = await Promise.all(DEMO_CLIENTS.map((email) => readReflections(server.url, email)));
    const marker = `Load test ${result.runId}:`;
    // Writing a reflection clears the writer's draft, so a draft is either the load test's or gone.
    assert.ok(result.kinds.find((kind) => kind.kind.startsWith('save a draft'))!.acknowledged > 0, 'no draft was saved');
    for (const [i, email] of DEMO_CLIENTS.entries()) assert.ok(after[i]!.draft === null || after[i]!.draft!.startsWith(`${marker} draft`), `${email}'s draft is not one the load test saved: ${after[i]!.draft}`);
    const written = result.kinds.find((kind) => kind.kind.startsWith('write a reflection'))!;
    assert.ok(written.acknowledged > 0, 'no reflection was written');
    const grew = after.reduce((sum, a, i) => sum + a.bodies.length - before[i]!.bodies.length, 0);
    const marked = after.reduce((sum, a) => sum + a.bodies.filter((body) => body.startsWith(`${marker} reflection`)).length, 0);
    assert.equal(marked, grew, 'reflections appeared that the load test did not write');
    // Every acknowledged write is stored; a request cut off when the time ran out may be stored unacknowledged.
    assert.ok(grew >= written.acknowledged && grew <= written.acknowledged + DEMO_CLIENTS.length, `${grew} reflections stored for ${written.acknowledged} acknowledged`);
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
