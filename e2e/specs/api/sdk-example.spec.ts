import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { gqlOk, signInAs } from '../../fixtures/graphql';

const run = promisify(execFile);

test('the SDK example prints the caseload with a personal API token', async ({ request, baseURL }) => {
  await signInAs(request, 'therapist2@attune.test');
  const { createApiToken } = await gqlOk<{ createApiToken: { token: string } }>(
    request,
    'mutation { createApiToken(input: { name: "sdk example", scopes: ["account:read", "caseload:read"], expiresInDays: 1 }) { token } }',
  );
  const example = path.resolve(__dirname, '../../../packages/sdk/dist/examples/print-caseload.js');
  const { stdout } = await run(process.execPath, [example], { env: { ...process.env, ATTUNE_URL: `${baseURL}/graphql`, ATTUNE_TOKEN: createApiToken.token } });
  expect(stdout).toContain('Caseload of Sam Okafor');
  expect(stdout).toContain('Morgan Diaz');

  // Without the scope, the same example is refused with a clear code.
  const { createApiToken: narrow } = await gqlOk<{ createApiToken: { token: string } }>(request, 'mutation { createApiToken(input: { name: "narrow", scopes: ["account:read"] }) { token } }');
  const refused = await run(process.execPath, [example], { env: { ...process.env, ATTUNE_URL: `${baseURL}/graphql`, ATTUNE_TOKEN: narrow.token } }).catch((error: { stderr: string; code: number }) => error);
  expect(refused).toMatchObject({ code: 1 });
  expect((refused as { stderr: string }).stderr).toMatch(/^FORBIDDEN: This token does not have the "caseload:read" scope/);
});
