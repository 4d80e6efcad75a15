import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/database/data-source';
import { AccountTokenEntity } from '../../src/modules/identity/account-token.entity';
import { createAdminInvitation } from '../../src/modules/identity/first-admin';
import { OutboxEmailEntity } from '../../src/modules/mail/outbox-email.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { SIGN_IN, totpNow } from '../auth';
import { browser, gql, startTestApp } from '../harness';

const run = promisify(execFile);
const DIST = path.resolve(__dirname, '../../dist');
const PASSWORD = 'a lantern by the harbour wall';
// Production requires a key for second-factor secrets (APP_SECRET); settings this build does not know are ignored.
const APP_SECRET = 'a3f1c2e4b5d6a7980112233445566778899aabbccddeeff00112233445566778';

/** Starts the built server as an operator would, reads stdout until it is listening, then stops it. */
async function startAndStop(env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(DIST, 'main.js')], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up within 120 s: ${stderr}`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('GraphQL:')) setTimeout(() => (clearTimeout(timer), resolve()), 200);
    });
    child.once('exit', () => (clearTimeout(timer), reject(new Error(`exited early: ${stderr}`))));
  });
  child.kill('SIGTERM');
  await exited;
  return stdout;
}

describe('a production start on an empty database', () => {
  jest.setTimeout(180_000);
  it('creates no accounts, names the admin command, says email is off; the command prints a single-use link', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-production-'));
    const env = { NODE_ENV: 'production', APP_SECRET, DATA_DIR: dataDir, PORT: String(41_000 + Math.floor(Math.random() * 2_000)), HOST: '127.0.0.1', LOG_LEVEL: 'silent', PORTAL_DIST: '/nonexistent' };
    try {
      const stdout = await startAndStop(env);
      expect(stdout).toMatch(/^No accounts yet\. Create the first admin with: pnpm admin:create --email .* --name /m);
      expect(stdout).toMatch(/^Email is off: SMTP_URL is not set/m);
      expect(stdout).not.toMatch(/attune-demo-password|admin@attune\.test/);

      const created = await run(process.execPath, [path.join(DIST, 'database/cli/create-admin.js'), '--', '--email', 'Owner@Example.test', '--name', 'Practice Owner'], {
        env: { PATH: process.env.PATH ?? '', ...env },
        timeout: 60_000,
      });
      expect(created.stdout).toMatch(/http:\/\/localhost:\d+\/accept-invitation#token=[A-Za-z0-9_-]{40,}/);

      const database = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined });
      try {
        expect(await database.dataSource.getRepository(UserEntity).count()).toBe(0);
        expect(await database.dataSource.getRepository(AccountTokenEntity).findBy({ purpose: 'INVITATION' })).toEqual([
          expect.objectContaining({ email: 'owner@example.test', role: 'ADMIN', usedAt: null }),
        ]);
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('gives an admin invitation that works once: accept it, set up the second factor, sign in', async () => {
    const t = await startTestApp({ NODE_ENV: 'production', APP_SECRET });
    try {
      expect(await t.dataSource.getRepository(UserEntity).count()).toBe(0);
      const { link } = await createAdminInvitation(t.dataSource, { email: 'owner@example.test', name: 'Practice Owner' }, t.config.PUBLIC_URL);
      const token = /#token=(.+)$/.exec(link)![1];
      const agent = browser(t);
      const ACCEPT = 'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { mfaEnrollmentRequired } }';
      expect((await gql(agent, ACCEPT, { i: { token, password: PASSWORD } })).data).toEqual({ acceptInvitation: { mfaEnrollmentRequired: true } });
      const started = await gql<{ startMfaEnrollment: { secret: string } }>(agent, 'mutation { startMfaEnrollment { secret } }');
      const secret = started.data!.startMfaEnrollment.secret;
      expect((await gql(agent, 'mutation($c: String!) { confirmMfaEnrollment(code: $c) }', { c: await totpNow(secret) })).errors).toBeUndefined();
      expect((await gql(agent, '{ me { email role } }')).data).toEqual({ me: { email: 'owner@example.test', role: 'ADMIN' } });

      expect((await gql(browser(t), ACCEPT, { i: { token, password: PASSWORD } })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      const later = browser(t);
      const signIn = await gql<{ signIn: { mfaRequired: boolean } }>(later, SIGN_IN, { email: 'owner@example.test', password: PASSWORD });
      expect(signIn.data!.signIn.mfaRequired).toBe(true);
      await expect(createAdminInvitation(t.dataSource, { email: 'owner@example.test', name: 'Again' }, t.config.PUBLIC_URL)).rejects.toThrow(/already has an account/);

      // In production without SMTP_URL, email is off: an invitation sent from the portal is not kept.
      await gql(agent, 'mutation($i: InviteUserInput!) { inviteUser(input: $i) }', { i: { email: 'colleague@example.test', displayName: 'A Colleague', role: 'THERAPIST' } });
      expect(await t.dataSource.getRepository(OutboxEmailEntity).count()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
