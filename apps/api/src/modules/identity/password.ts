import argon2 from 'argon2';

/** argon2id at the OWASP minimum (19 MiB, 2 iterations, 1 lane). */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, ARGON2_OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Checked against when nobody has that email, so a wrong email costs the same time as a wrong password. */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash() {
  decoyHash ??= hashPassword('attune-decoy-password-never-matches');
  return decoyHash;
}
