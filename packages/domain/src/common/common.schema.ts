import { z } from 'zod';

/** The largest page any list serves; consumers see it in the schema's descriptions. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const idSchema = z.uuid({ message: 'That is not a valid id.' });

export const pageArgsSchema = z.object({
  first: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  after: z.string().max(200).optional().nullable(),
});
export type PageArgs = z.infer<typeof pageArgsSchema>;

/** Text a person writes: trimmed, with invisible control characters refused rather than stored. */
export function personText(label: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .min(min, { message: min === 1 ? `${label} is needed.` : `${label} needs at least ${min} characters.` })
    .max(max, { message: `${label} can be at most ${max} characters.` })
    // Control characters and bidirectional overrides can disguise text; they are refused, not stored.
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(value), {
      message: `${label} contains characters we can't store.`,
    });
}
