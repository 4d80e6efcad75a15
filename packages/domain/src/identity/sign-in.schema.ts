/*
 * The rules a person meets before they are signed in, written with zod's tree-shakeable `zod/mini` so the
 * sign-in page stays light on a phone. The API and every other form use these very schemas through the
 * package's main entry (identity.schema.ts re-exports them); the portal's sign-in page imports them from
 * `@attune/domain/sign-in`, which brings nothing else.
 */
import { z } from 'zod/mini';

export const PASSWORD_MAX_LENGTH = 256;

export const emailSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254, { message: 'An email address can be at most 254 characters.' })),
  z.email({ message: 'Please enter an email address like name@example.com.' }),
);

/** Sign-in only checks shape; strength rules apply where a password is chosen. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().check(z.minLength(1, { message: 'Please enter your password.' }), z.maxLength(PASSWORD_MAX_LENGTH)),
});
export type SignIn = z.infer<typeof signInSchema>;

export const totpCodeSchema = z.string().check(z.trim(), z.regex(/^\d{6}$/, { message: 'The code is the 6 digits from your authenticator app.' }));
