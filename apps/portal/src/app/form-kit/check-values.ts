import { safeParse, type $ZodType, type input, type output } from 'zod/v4/core';

/** What a form's values came to: the schema's output, or the first problem of each field that has one. */
export type Checked<S extends $ZodType> = { ok: true; data: output<S> } | { ok: false; problems: Partial<Record<keyof input<S> & string, string>> };

/**
 * Checks a form's values with a domain schema, keeping the first problem of each field (as the
 * react-hook-form resolver does), named by the field's top-level name.
 */
export function checkValues<S extends $ZodType>(schema: S, values: Record<string, unknown>): Checked<S> {
  const result = safeParse(schema, values);
  if (result.success) return { ok: true, data: result.data };
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = issue.path[0];
    if (typeof name === 'string') problems[name] ??= issue.message;
  }
  return { ok: false, problems: problems as Partial<Record<keyof input<S> & string, string>> };
}
