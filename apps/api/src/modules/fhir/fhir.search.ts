import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MEASURES, MEASURE_KINDS, type MeasureKind } from '@attune/domain';
import { FhirError } from './fhir.errors';

/**
 * Search parameters, read with FHIR's `handling=strict` semantics: a parameter this server does not
 * support is refused (400, `not-supported`) rather than ignored, because ignoring it would answer a
 * narrower question with a wider set of records, and in a clinical record that is a wrong answer.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOINC = 'http://loinc.org';

/** `_format` asks for a representation; JSON is the only one served. */
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);

export interface SearchParams {
  /** Each parameter with all its values, in the order sent. */
  values: Map<string, string[]>;
}

/** Reads the query string of a URL into parameters; refuses any the route does not support. */
export function readParams(url: string, supported: readonly string[]): SearchParams {
  const query = new URL(url, 'http://fhir.invalid').searchParams;
  const values = new Map<string, string[]>();
  for (const [name, value] of query) {
    if (!supported.includes(name)) {
      const base = name.split(':')[0]!;
      const why = supported.includes(base) ? `The "${name.slice(base.length)}" modifier is not supported here.` : `"${name}" is not a search parameter this server supports here.`;
      throw new FhirError(400, 'not-supported', `${why} Supported: ${supported.join(', ')}.`, name);
    }
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  for (const [name, list] of values) {
    // FHIR reads a repeated parameter as AND; none here has a meaning for that, so it is refused rather than guessed.
    if (list.length > 1) throw new FhirError(400, 'not-supported', `"${name}" may be given once.`, name);
  }
  const format = values.get('_format')?.[0];
  if (format !== undefined && !JSON_FORMATS.has(format)) throw new FhirError(400, 'not-supported', 'Only JSON is served (_format=json).', '_format');
  return { values };
}

const one = (params: SearchParams, name: string) => params.values.get(name)?.[0];

/** `patient=<id>` or `patient=Patient/<id>`: required on every search here. */
export function patientParam(params: SearchParams): string {
  const raw = one(params, 'patient');
  if (raw === undefined || raw === '') throw new FhirError(400, 'required', 'Say whose records: patient=<id>.', 'patient');
  const id = raw.startsWith('Patient/') ? raw.slice('Patient/'.length) : raw;
  // Anything else (another resource type, an absolute URL, a chain) names no client of this server.
  if (!UUID.test(id)) throw new FhirError(400, 'invalid', 'patient must be a client id, or Patient/ and a client id.', 'patient');
  return id.toLowerCase();
}

/** `_count`: 1 to 100 matches on a page, 20 when left out. */
export function countParam(params: SearchParams): number {
  const raw = one(params, '_count');
  if (raw === undefined) return DEFAULT_PAGE_SIZE;
  const count = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(count >= 1 && count <= MAX_PAGE_SIZE)) throw new FhirError(400, 'invalid', `_count must be a whole number from 1 to ${MAX_PAGE_SIZE}.`, '_count');
  return count;
}

/**
 * `code` on Observation: the LOINC code of a total, with or without its system; a comma means either.
 * A code this server never produces is refused: it is a question about records Attune does not hold.
 */
export function observationCodeParam(params: SearchParams): MeasureKind[] | null {
  const raw = one(params, 'code');
  if (raw === undefined) return null;
  const kinds = new Set<MeasureKind>();
  for (const token of raw.split(',')) {
    const [system, code] = token.includes('|') ? token.split('|', 2) : [null, token];
    const kind = MEASURE_KINDS.find((candidate) => MEASURES[candidate].loinc.total === code);
    if ((system !== null && system !== LOINC) || !kind) {
      throw new FhirError(400, 'not-supported', `Observations here are PHQ-9 totals (${LOINC}|${MEASURES.PHQ9.loinc.total}) and GAD-7 totals (${LOINC}|${MEASURES.GAD7.loinc.total}); "${token}" is not one of them.`, 'code');
    }
    kinds.add(kind);
  }
  return [...kinds];
}
