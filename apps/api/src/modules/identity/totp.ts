import { createGuardrails, generate, generateSecret, generateURI } from 'otplib';
import { safeEqual } from './secrets';

const PERIOD = 30;
// The contract's demo secret (JBSWY3DPEHPK3PXP) is 10 bytes; new secrets are 20.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export const newTotpSecret = () => generateSecret({ length: 20 });

export const totpUri = (secret: string, email: string) => generateURI({ issuer: 'Attune', label: email, secret });

export const currentTotpStep = (now = Date.now()) => Math.floor(now / 1000 / PERIOD);

export async function totpCodeAt(secret: string, step: number) {
  return generate({ secret, epoch: step * PERIOD, guardrails });
}

/**
 * Checks a code against the current step and one either side (clock drift). Returns the step it
 * matched, or null. A step at or before `lastUsedStep` never matches again, so each code works once.
 */
export async function verifyTotp(secret: string, code: string, lastUsedStep: number | null, now = Date.now()): Promise<number | null> {
  const current = currentTotpStep(now);
  for (const step of [current - 1, current, current + 1]) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (safeEqual(await totpCodeAt(secret, step), code)) return step;
  }
  return null;
}
