import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../config/config';

/** Values written by this format start with its version, so a later key or cipher can live beside it. */
const VERSION = 'v1';
const IV_BYTES = 12;
const KEY_FILE = 'app-secret';

/**
 * Encrypts small secrets at rest (second-factor secrets) with AES-256-GCM and a random IV:
 * `v1:<iv>:<tag>:<ciphertext>`, each part base64url. The key is derived from APP_SECRET with HKDF.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromSecret(secret: string): SecretBox {
    return new SecretBox(Buffer.from(hkdfSync('sha256', secret, 'attune', 'attune secret-box v1', 32)));
  }

  /** APP_SECRET when set (required in production); otherwise a key generated once and kept in DATA_DIR. */
  static forConfig(config: Pick<AppConfig, 'APP_SECRET' | 'DATA_DIR' | 'isProduction'>): SecretBox {
    if (config.APP_SECRET) return SecretBox.fromSecret(config.APP_SECRET);
    if (config.isProduction) throw new Error('APP_SECRET is required in production.');
    return SecretBox.fromSecret(developmentSecret(config.DATA_DIR));
  }

  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}:`);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
  }

  /** Reads a sealed value; a value stored before encryption (no version prefix) is returned as it is. */
  open(stored: string): string {
    if (!SecretBox.isSealed(stored)) return stored;
    const [, iv, tag, body] = stored.split(':');
    if (!iv || !tag || body === undefined) throw new Error('A stored secret is malformed.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // Never echo the value; the likely cause is a changed APP_SECRET.
      throw new Error('A stored secret could not be decrypted: APP_SECRET differs from the one it was written with.');
    }
  }
}

/** Outside production: a random key kept beside the embedded database, so restarts can read what was written. */
function developmentSecret(dataDir: string): string {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, KEY_FILE);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process started at the same moment and wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
}

/**
 * DATA_DIR holds the embedded database and the development key: readable by its owner only. A folder we
 * create, or one that already holds the embedded database, is set to 0700; any other existing folder
 * (say, a shared temp folder) is left alone.
 */
export function ensurePrivateDir(dir: string) {
  const created = fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask, so set it outright.
  if (created !== undefined || fs.existsSync(path.join(dir, 'pglite'))) fs.chmodSync(dir, 0o700);
}

/**
 * The box entity columns use (see `sealedColumn`). Set once at start-up from configuration, before the
 * first read or write of a sealed column: column transformers are built by decorators, outside Nest's
 * injector, and this keeps every path that writes users (services, seeds) encrypting without knowing it.
 */
let columnBox: SecretBox | null = null;

export function installSecretBox(config: Pick<AppConfig, 'APP_SECRET' | 'DATA_DIR' | 'isProduction'>): SecretBox {
  columnBox = SecretBox.forConfig(config);
  return columnBox;
}

function installedBox(): SecretBox {
  if (!columnBox) throw new Error('Secrets at rest need a key: installSecretBox(config) was not called at start-up.');
  return columnBox;
}

/** A TypeORM transformer: sealed in the database, plain in the entity. Plaintext from before encryption still reads. */
export const sealedColumn = {
  to: (value: string | null | undefined) => (value === null || value === undefined ? value : installedBox().seal(value)),
  // A value this key cannot open reads as absent: the second factor then fails closed for that person,
  // instead of every query that loads a user failing. Start-up refuses a wrong key outright (checkSecretKey).
  from: (value: string | null) => {
    if (value === null) return null;
    try {
      return installedBox().open(value);
    } catch {
      return null;
    }
  },
};

export class SecretKeyMismatchError extends Error {}

/** Refuses to start with an APP_SECRET that cannot open the secrets already stored (one clear line). */
export async function checkSecretKey(query: (sql: string, parameters?: unknown[]) => Promise<unknown>) {
  const box = installedBox();
  const rows = (await query(`SELECT mfa_secret FROM users WHERE mfa_secret LIKE 'v1:%' LIMIT 1`)) as { mfa_secret: string }[];
  if (rows.length === 0) return;
  try {
    box.open(rows[0]!.mfa_secret);
  } catch {
    throw new SecretKeyMismatchError(
      'APP_SECRET is not the key the stored second-factor secrets were written with. Start with the original APP_SECRET (or, outside production, the original DATA_DIR/app-secret).',
    );
  }
}

/**
 * Seals second-factor secrets written before they were encrypted (and any a bulk seed wrote as plain
 * text). Idempotent; runs at start-up after migrations.
 */
export async function sealPlaintextSecrets(query: (sql: string, parameters?: unknown[]) => Promise<unknown>): Promise<number> {
  const box = installedBox();
  const rows = (await query(
    `SELECT id, mfa_secret, mfa_pending_secret FROM users
      WHERE (mfa_secret IS NOT NULL AND mfa_secret NOT LIKE 'v1:%') OR (mfa_pending_secret IS NOT NULL AND mfa_pending_secret NOT LIKE 'v1:%')`,
  )) as { id: string; mfa_secret: string | null; mfa_pending_secret: string | null }[];
  const seal = (value: string | null) => (value === null || SecretBox.isSealed(value) ? value : box.seal(value));
  for (const row of rows) {
    // Only rows still holding what we read: a secret changed meanwhile is already sealed.
    await query(
      `UPDATE users SET mfa_secret = $2, mfa_pending_secret = $3
        WHERE id = $1 AND mfa_secret IS NOT DISTINCT FROM $4 AND mfa_pending_secret IS NOT DISTINCT FROM $5`,
      [row.id, seal(row.mfa_secret), seal(row.mfa_pending_secret), row.mfa_secret, row.mfa_pending_secret],
    );
  }
  return rows.length;
}
