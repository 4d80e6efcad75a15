import { createHash } from 'node:crypto';
import { AppError } from '../../common/errors';

/** Stripe's rule: any printable ASCII, 1 to 255 characters (a UUID is the usual choice). */
const IDEMPOTENCY_KEY = /^[\x20-\x7E]{1,255}$/;

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The header's value, or BAD_USER_INPUT before anything runs. */
export function parseIdempotencyKey(value: string): string {
  if (IDEMPOTENCY_KEY.test(value)) return value;
  throw new AppError('BAD_USER_INPUT', 'The Idempotency-Key header must be 1 to 255 printable ASCII characters, for example a UUID.', {
    reason: 'IDEMPOTENCY_KEY_MALFORMED',
    fields: [{ path: ['headers', 'Idempotency-Key'], message: 'Use 1 to 255 printable ASCII characters.' }],
  });
}

/** What makes two requests "the same": the operation document, its name and its variables (key order aside). */
export function requestHash(query: string, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string {
  return createHash('sha256')
    .update(canonicalJson([query, operationName ?? null, variables ?? {}]))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
