import { z } from 'zod';

/** Text a person must write: the page's own words when it is empty, then the domain's rule (length, characters). */
export const requiredText = (rule: z.ZodType<string, string>, whenEmpty: string) => z.string().trim().min(1, { message: whenEmpty }).pipe(rule);

/** Text a person may leave blank: blank is none (null); anything written follows the domain's rule. */
export const textOrNone = (rule: z.ZodType<string, string>) =>
  z
    .string()
    .transform((value) => value.trim() || null)
    .pipe(rule.nullable());
