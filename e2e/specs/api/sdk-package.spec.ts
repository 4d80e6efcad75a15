import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { gqlOk, signInAs } from '../../fixtures/graphql';

const run = promisify(execFile);
const sdkDir = path.resolve(__dirname, '../../../packages/sdk');

/** What a consumer writes after `npm install`: nothing from this repository but the installed package. */
const consumerScript = `
import { AttuneApiError, createAttuneClient } from '@attune/sdk';

let requests = 0;
const countingFetch = (url, init) => { requests++; return fetch(url, init); };
const attune = createAttuneClient({ url: process.env.ATTUNE_URL, token: process.env.ATTUNE_TOKEN, fetch: countingFetch });

const me = await attune.me();
const before = requests;
const clients = [];
for await (const entry of attune.caseload.all({ first: 5 })) clients.push(entry.client.displayName);
const caseloadRequests = requests - before;

// The token has no sessions:read: the documented refusal, as an AttuneApiError.
let refusal = null;
try {
  for await (const session of attune.sessions.all({ first: 5 })) clients.push(session.id);
} catch (error) {
  if (!(error instanceof AttuneApiError)) throw error;
  refusal = { code: error.code, reason: error.reason, status: error.status, requestId: error.requestId, scopes: error.extensions.scopes, data: error.data };
}
process.stdout.write(JSON.stringify({ me: me.displayName, clients, caseloadRequests, refusal }));
`;

test('the packed SDK installs with npm outside the repository and pages through a list with a real token', async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  await signInAs(request, 'therapist@attune.test');
  const { createApiToken } = await gqlOk<{ createApiToken: { token: string } }>(
    request,
    'mutation { createApiToken(input: { name: "sdk package", scopes: ["account:read", "caseload:read"], expiresInDays: 1 }) { token } }',
  );
  const { me, caseload } = await gqlOk<{ me: { displayName: string }; caseload: { edges: { node: { client: { displayName: string } } }[] } }>(
    request,
    '{ me { displayName } caseload(first: 100) { edges { node { client { displayName } } } } }',
  );
  const expected = caseload.edges.map((edge) => edge.node.client.displayName);
  expect(expected.length, 'the demo therapist has enough clients for several pages of five').toBeGreaterThan(10);

  const consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-sdk-consumer-'));
  try {
    // pnpm pack turns the package into what a registry would hold; it expects a built dist (turbo builds it before test:e2e).
    await run('pnpm', ['pack', '--pack-destination', consumer], { cwd: sdkDir });
    const tarball = fs.readdirSync(consumer).find((name) => name.endsWith('.tgz'));
    expect(tarball, 'pnpm pack wrote a tarball').toBeDefined();

    await run('npm', ['init', '-y'], { cwd: consumer });
    await run('npm', ['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: consumer });
    const installed = path.join(consumer, 'node_modules/@attune/sdk');
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
    expect(manifest.private).toBeUndefined();
    expect(fs.existsSync(path.join(installed, 'schema.graphql')), 'the schema travels with the package').toBe(true);
    expect(fs.existsSync(path.join(installed, 'dist/src/index.d.ts')), 'the types travel with the package').toBe(true);
    expect(fs.existsSync(path.join(consumer, 'node_modules/graphql/package.json')), 'npm installed the graphql peer').toBe(true);

    fs.writeFileSync(path.join(consumer, 'first-call.mjs'), consumerScript);
    const { stdout } = await run(process.execPath, ['first-call.mjs'], {
      cwd: consumer,
      env: { ...process.env, ATTUNE_URL: `${baseURL}/graphql`, ATTUNE_TOKEN: createApiToken.token },
    });
    const output = JSON.parse(stdout) as {
      me: string;
      clients: string[];
      caseloadRequests: number;
      refusal: { code: string; reason: string; status: number; requestId: string; scopes: string[]; data: unknown } | null;
    };
    expect(output.me).toBe(me.displayName);
    expect(output.clients).toEqual(expected);
    expect(output.caseloadRequests).toBe(Math.ceil(expected.length / 5));
    expect(output.refusal).toEqual({ code: 'FORBIDDEN', reason: 'MISSING_SCOPE', status: 403, requestId: expect.any(String), scopes: ['sessions:read'], data: null });
  } finally {
    fs.rmSync(consumer, { recursive: true, force: true });
  }
});
