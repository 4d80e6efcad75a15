import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSecretKey, installSecretBox, sealPlaintextSecrets, SecretKeyMismatchError } from '../../src/common/crypto/secret-box';
import { UserEntity } from '../../src/modules/users/user.entity';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';
import { newPerson, SIGN_IN, signedIn, TEST_TOTP_SECRET, totpNow } from '../auth';
import { FACTORY_PASSWORD } from '../factories/user.factory';
import { browser, gql, startTestApp, TEST_APP_SECRET, type TestApp } from '../harness';

describe('secrets at rest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 180_000);
  afterAll(() => t.close());

  const stored = async (userId: string) =>
    ((await t.dataSource.query('SELECT mfa_secret, mfa_pending_secret FROM users WHERE id = $1', [userId])) as { mfa_secret: string | null; mfa_pending_secret: string | null }[])[0]!;

  it('stores second-factor secrets encrypted, and sign-in with the second factor still works', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const row = await stored(therapist.id);
    expect(row.mfa_secret).toMatch(/^v1:/);
    expect(row.mfa_secret).not.toContain(TEST_TOTP_SECRET);
    const agent = await signedIn(t, therapist);
    expect((await gql<{ me: { id: string } }>(agent, '{ me { id } }')).data!.me.id).toBe(therapist.id);
  });

  it('encrypts a secret being set up and the one confirmed', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST', { mfaEnabled: false, mfaSecret: null });
    const agent = browser(t);
    await gql(agent, SIGN_IN, { email: therapist.email, password: FACTORY_PASSWORD });
    const started = await gql<{ startMfaEnrollment: { secret: string } }>(agent, 'mutation { startMfaEnrollment(password: null) { secret } }');
    const secret = started.data!.startMfaEnrollment.secret;
    expect((await stored(therapist.id)).mfa_pending_secret).toMatch(/^v1:/);
    expect((await stored(therapist.id)).mfa_pending_secret).not.toContain(secret);
    const confirmed = await gql<{ confirmMfaEnrollment: string[] }>(agent, 'mutation($c: String!) { confirmMfaEnrollment(code: $c) }', { c: await totpNow(secret) });
    expect(confirmed.errors).toBeUndefined();
    const row = await stored(therapist.id);
    expect(row.mfa_secret).toMatch(/^v1:/);
    expect(row.mfa_secret).not.toContain(secret);
    expect(row.mfa_pending_secret).toBeNull();
  });

  it('reads a secret stored before encryption, and seals it at start-up', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    await t.dataSource.query('UPDATE users SET mfa_secret = $2 WHERE id = $1', [therapist.id, TEST_TOTP_SECRET]);
    await signedIn(t, { ...therapist, mfaSecret: TEST_TOTP_SECRET });
    expect(await sealPlaintextSecrets((sql, parameters) => t.dataSource.query(sql, parameters))).toBeGreaterThanOrEqual(1);
    const row = await stored(therapist.id);
    expect(row.mfa_secret).toMatch(/^v1:/);
    expect(await sealPlaintextSecrets((sql, parameters) => t.dataSource.query(sql, parameters))).toBe(0);
    // The sealed secret still yields the same codes (the next step: each code works once).
    const step = Math.floor(Date.now() / 30_000);
    while (Math.floor(Date.now() / 30_000) === step) await new Promise((resolve) => setTimeout(resolve, 500));
    await signedIn(t, therapist);
  }, 90_000);

  it('refuses a different APP_SECRET at start-up; a secret it cannot open reads as absent, so the second factor fails closed', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const query = (sql: string, parameters?: unknown[]) => t.dataSource.query(sql, parameters);
    await expect(checkSecretKey(query)).resolves.toBeUndefined();
    installSecretBox({ APP_SECRET: 'a different key that did not write these secrets', DATA_DIR: '/nonexistent', isProduction: true });
    try {
      await expect(checkSecretKey(query)).rejects.toThrow(SecretKeyMismatchError);
      const loaded = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: therapist.id });
      expect(loaded.mfaSecret).toBeNull();
      expect(loaded.mfaEnabled).toBe(true);
    } finally {
      installSecretBox({ APP_SECRET: TEST_APP_SECRET, DATA_DIR: '/nonexistent', isProduction: true });
    }
    expect((await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: therapist.id })).mfaSecret).toBe(TEST_TOTP_SECRET);
  });

  // DATA_DIR is the embedded database's folder; on PostgreSQL (TEST_DATABASE_URL) there is none to check.
  (process.env.TEST_DATABASE_URL ? it.skip : it)('creates the embedded database folder readable by its owner only', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-datadir-'));
    const dataDir = path.join(parent, 'data');
    const previous = process.umask(0o022);
    try {
      const db = await startEmbeddedDatabase(dataDir);
      await db.stop();
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, 'pglite')).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(previous);
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
