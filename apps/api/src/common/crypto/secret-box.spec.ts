import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = SecretBox.fromSecret('a key for these tests, long enough to count');

  it('seals with a version, a random IV and an authentication tag, and opens again', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('reads a value stored before encryption as it is', () => {
    expect(box.open('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a changed value or another key, without echoing anything', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    const [version, iv, tag, body] = sealed.split(':');
    const flipped = `${version}:${iv}:${tag}:${body!.startsWith('A') ? 'B' : 'A'}${body!.slice(1)}`;
    expect(() => box.open(flipped)).toThrow(/could not be decrypted/);
    expect(() => SecretBox.fromSecret('another key entirely, also long enough').open(sealed)).toThrow(/APP_SECRET differs/);
  });

  it('outside production without APP_SECRET, generates a key once and keeps it in DATA_DIR, owner-only', () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'attune-box-')), 'data');
    try {
      const first = SecretBox.forConfig({ APP_SECRET: undefined, DATA_DIR: dataDir, isProduction: false });
      const second = SecretBox.forConfig({ APP_SECRET: undefined, DATA_DIR: dataDir, isProduction: false });
      expect(second.open(first.seal('kept across restarts'))).toBe('kept across restarts');
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, 'app-secret')).mode & 0o777).toBe(0o600);
      expect(() => SecretBox.forConfig({ APP_SECRET: undefined, DATA_DIR: dataDir, isProduction: true })).toThrow(/APP_SECRET is required/);
    } finally {
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
