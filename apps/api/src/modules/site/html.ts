import escapeHtml from 'escape-html';

/** Markup that is already safe: built by `html`, or sanitized article HTML. Everything else is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export type Interpolation = string | number | SafeHtml | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * The public pages' only template: every interpolated value is HTML-escaped unless it is SafeHtml.
 * Attribute values must be quoted (escape-html escapes both quote characters).
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new SafeHtml(out);
}

/** For HTML that went through the sanitizer (renderMarkdown) and nothing else. */
export const sanitized = (markup: string) => new SafeHtml(markup);
