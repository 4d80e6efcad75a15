import { signInSchema } from '@attune/domain/sign-in';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { checkValues } from './check-values';

describe('checkValues', () => {
  it('gives the schema output when the values pass', () => {
    expect(checkValues(signInSchema, { email: '  Riley@Attune.TEST ', password: 'secret' })).toEqual({
      ok: true,
      data: { email: 'riley@attune.test', password: 'secret' },
    });
  });

  it('keeps the first problem of each field, by its name', () => {
    expect(checkValues(signInSchema, { email: 'not an email', password: '' })).toEqual({
      ok: false,
      problems: { email: 'Please enter an email address like name@example.com.', password: 'Please enter your password.' },
    });
  });

  it('names a nested problem by its top-level field, first problem first', () => {
    const schema = z.object({ when: z.object({ day: z.string().min(1, { message: 'Pick a day.' }) }), note: z.string().min(3, { message: 'Too short.' }).regex(/x/, { message: 'Needs an x.' }) });
    expect(checkValues(schema, { when: { day: '' }, note: 'a' })).toEqual({ ok: false, problems: { when: 'Pick a day.', note: 'Too short.' } });
  });
});
