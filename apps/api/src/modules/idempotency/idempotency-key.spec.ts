import { parseIdempotencyKey, requestHash } from './idempotency-key';

describe('the Idempotency-Key header', () => {
  it('takes a UUID and any printable ASCII up to 255 characters', () => {
    expect(parseIdempotencyKey('4f1c2a9e-0c7b-4e0e-9a51-2b8f3f6d9e10')).toBe('4f1c2a9e-0c7b-4e0e-9a51-2b8f3f6d9e10');
    expect(parseIdempotencyKey('x'.repeat(255))).toHaveLength(255);
    expect(parseIdempotencyKey('save #1, retry ~ok')).toBe('save #1, retry ~ok');
  });

  it.each([['empty', ''], ['too long', 'x'.repeat(256)], ['a newline', 'a\nb'], ['non-ASCII', 'clé'], ['a tab', 'a\tb']])('refuses %s with BAD_USER_INPUT', (_, value) => {
    expect(() => parseIdempotencyKey(value)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_MALFORMED' }) }));
  });
});

describe('the request hash', () => {
  it('is the same for the same variables in another key order', () => {
    expect(requestHash('mutation M { a }', 'M', { b: 1, a: { d: 2, c: 3 } })).toBe(requestHash('mutation M { a }', 'M', { a: { c: 3, d: 2 }, b: 1 }));
  });

  it('differs when the document, the operation name or a variable differs', () => {
    const base = requestHash('mutation M { a }', 'M', { a: 1 });
    expect(requestHash('mutation M { b }', 'M', { a: 1 })).not.toBe(base);
    expect(requestHash('mutation M { a }', 'N', { a: 1 })).not.toBe(base);
    expect(requestHash('mutation M { a }', 'M', { a: 2 })).not.toBe(base);
    expect(requestHash('mutation M { a }', 'M', { a: '1' })).not.toBe(base);
  });
});
