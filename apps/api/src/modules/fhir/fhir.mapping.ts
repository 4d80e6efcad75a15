import {
  CHECK_IN_KEYS,
  CHECK_IN_QUESTIONS,
  FREQUENCY_OPTIONS,
  MEASURES,
  type CheckInKey,
  type MeasureDefinition,
  type MeasureKind,
  type SessionModality,
  type SessionStatus,
} from '@attune/domain';
import type {
  Appointment,
  Bundle,
  BundleEntry,
  CapabilityStatement,
  Coding,
  Observation,
  Patient,
  Practitioner,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Resource,
} from '@medplum/fhirtypes';

/**
 * Attune's records as FHIR R4 resources: pure functions from rows to JSON, so a test can validate each one.
 * What goes out is only what another health system needs to carry on care; words written inside the care
 * relationship (agendas, cancel reasons, check-in comments, reflections) and the therapist's private notes
 * have no field here at all, so no mapping can leak them.
 */

const LOINC = 'http://loinc.org';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** LOINC's names for the panels and totals (the domain holds the codes; their display names are FHIR's business). */
const LOINC_NAMES: Record<MeasureKind, { panel: string; total: string }> = {
  PHQ9: { panel: 'PHQ-9 quick depression assessment panel [Reported.PHQ]', total: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
  GAD7: { panel: 'Generalized anxiety disorder 7 item (GAD-7)', total: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
};

/** Resource ids of the three questionnaires: fixed, since each is the same form for every client. */
export const QUESTIONNAIRE_IDS: Record<MeasureKind | 'CHECK_IN', string> = { PHQ9: 'phq-9', GAD7: 'gad-7', CHECK_IN: 'alliance-check-in' };

/**
 * Where this Attune answers: resource URLs and Attune's own canonical URLs (the check-in's code system,
 * the questionnaires, the severity bands) are built on the practice's PUBLIC_URL.
 */
export interface FhirBase {
  /** e.g. `https://practice.example` (no trailing slash). */
  publicUrl: string;
}

export const fhirRoot = (base: FhirBase) => `${base.publicUrl}/fhir/R4`;
export const checkInCodeSystem = (base: FhirBase) => `${base.publicUrl}/fhir/CodeSystem/alliance-check-in`;
export const severityBandCodeSystem = (base: FhirBase) => `${base.publicUrl}/fhir/CodeSystem/severity-band`;
export const questionnaireUrl = (base: FhirBase, kind: MeasureKind | 'CHECK_IN') => `${base.publicUrl}/fhir/Questionnaire/${QUESTIONNAIRE_IDS[kind]}`;

const iso = (date: Date) => date.toISOString();

// ---- people ------------------------------------------------------------------------------------------

export interface PersonRow {
  id: string;
  displayName: string;
  /** Deactivated or closed accounts are no longer active records. */
  active: boolean;
}

/**
 * The client, as little as another system needs to file what follows under the right person: the name they
 * gave us. No email, no time zone, nothing about their account: an email is a way to reach and to sign in,
 * not part of a clinical record, and Attune holds no birth date, gender or address to add.
 */
export function toPatient(client: PersonRow): Patient {
  return { resourceType: 'Patient', id: client.id, active: client.active, name: [{ text: client.displayName }] };
}

/** A therapist: the name clients know them by. Contact details stay inside the practice. */
export function toPractitioner(therapist: PersonRow): Practitioner {
  return { resourceType: 'Practitioner', id: therapist.id, active: therapist.active, name: [{ text: therapist.displayName }] };
}

// ---- sessions ----------------------------------------------------------------------------------------

export interface SessionRow {
  id: string;
  clientId: string;
  therapistId: string;
  startsAt: Date;
  endsAt: Date;
  modality: SessionModality;
  status: SessionStatus;
}

const APPOINTMENT_STATUS: Record<SessionStatus, Appointment['status']> = {
  SCHEDULED: 'booked',
  COMPLETED: 'fulfilled',
  CANCELLED: 'cancelled',
  NO_SHOW: 'noshow',
};

const MODALITY_NAMES: Record<SessionModality, string> = { IN_PERSON: 'In person', VIDEO: 'Video', PHONE: 'Phone' };

/** A session: when, how, with whom and how it stands. Its agenda, join details and cancel reason stay out. */
export function toAppointment(session: SessionRow): Appointment {
  return {
    resourceType: 'Appointment',
    id: session.id,
    status: APPOINTMENT_STATUS[session.status],
    serviceType: [{ text: `Therapy session (${MODALITY_NAMES[session.modality].toLowerCase()})` }],
    start: iso(session.startsAt),
    end: iso(session.endsAt),
    minutesDuration: Math.max(1, Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000)),
    participant: [
      { actor: { reference: `Patient/${session.clientId}` }, required: 'required', status: 'accepted' },
      { actor: { reference: `Practitioner/${session.therapistId}` }, required: 'required', status: 'accepted' },
    ],
  };
}

// ---- questionnaires ----------------------------------------------------------------------------------

const loinc = (code: string, display?: string): Coding => (display ? { system: LOINC, code, display } : { system: LOINC, code });

const answerCodings = FREQUENCY_OPTIONS.map((option) => ({
  valueCoding: loinc(option.loinc, option.label),
  extension: [{ url: ORDINAL_VALUE, valueDecimal: option.score }],
}));

/** The PHQ-9 or GAD-7 as the instrument prints it, each item with its LOINC code and the four scored answers. */
export function toMeasureQuestionnaire(base: FhirBase, kind: MeasureKind): Questionnaire {
  const measure: MeasureDefinition = MEASURES[kind];
  const items: QuestionnaireItem[] = measure.items.map((item) => ({
    linkId: item.loinc,
    prefix: `${item.number}.`,
    text: item.text,
    code: [loinc(item.loinc)],
    type: 'choice',
    required: true,
    answerOption: answerCodings,
  }));
  items.push({ linkId: measure.loinc.total, text: 'Total score', code: [loinc(measure.loinc.total, LOINC_NAMES[kind].total)], type: 'integer', readOnly: true });
  return {
    resourceType: 'Questionnaire',
    id: QUESTIONNAIRE_IDS[kind],
    url: questionnaireUrl(base, kind),
    name: measure.name.replace(/[^A-Za-z0-9]/g, ''),
    title: measure.title,
    status: 'active',
    subjectType: ['Patient'],
    description: measure.stem,
    copyright: measure.copyright,
    code: [loinc(measure.loinc.panel, LOINC_NAMES[kind].panel)],
    item: [{ linkId: 'stem', text: measure.stem, type: 'display' }, ...items],
  };
}

/** The alliance check-in: Attune's own four questions, coded in Attune's own code system, each scored 0–10. */
export function toCheckInQuestionnaire(base: FhirBase): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: QUESTIONNAIRE_IDS.CHECK_IN,
    url: questionnaireUrl(base, 'CHECK_IN'),
    name: 'AllianceCheckIn',
    title: 'Session check-in',
    status: 'active',
    subjectType: ['Patient'],
    description: "The client's rating of a completed session: four scores from 0 to 10.",
    item: CHECK_IN_KEYS.map((key) => ({
      linkId: key,
      text: `${CHECK_IN_QUESTIONS[key].question} (0 ${CHECK_IN_QUESTIONS[key].low}, 10 ${CHECK_IN_QUESTIONS[key].high})`,
      code: [{ system: checkInCodeSystem(base), code: key }],
      type: 'integer',
      required: true,
      extension: [
        { url: MIN_VALUE, valueInteger: 0 },
        { url: MAX_VALUE, valueInteger: 10 },
      ],
    })),
  };
}

// ---- answers -----------------------------------------------------------------------------------------

export interface MeasureResponseRow {
  id: string;
  clientId: string;
  kind: MeasureKind;
  answers: number[];
  total: number;
  /** A band code of the instrument (MINIMAL … SEVERE). */
  band: string;
  completedAt: Date;
}

/** One completed PHQ-9 or GAD-7: each answer as the instrument's LOINC answer code, and the total. */
export function toMeasureQuestionnaireResponse(base: FhirBase, response: MeasureResponseRow): QuestionnaireResponse {
  const measure = MEASURES[response.kind];
  const items: QuestionnaireResponseItem[] = measure.items.map((item, index) => {
    const option = FREQUENCY_OPTIONS[response.answers[index]!]!;
    return { linkId: item.loinc, text: item.text, answer: [{ valueCoding: loinc(option.loinc, option.label) }] };
  });
  items.push({ linkId: measure.loinc.total, text: 'Total score', answer: [{ valueInteger: response.total }] });
  return {
    resourceType: 'QuestionnaireResponse',
    id: response.id,
    questionnaire: questionnaireUrl(base, response.kind),
    status: 'completed',
    subject: { reference: `Patient/${response.clientId}` },
    authored: iso(response.completedAt),
    author: { reference: `Patient/${response.clientId}` },
    source: { reference: `Patient/${response.clientId}` },
    item: items,
  };
}

/** The total of a PHQ-9 (LOINC 44261-6) or GAD-7 (70274-6), with its severity band as the interpretation. */
export function toTotalObservation(base: FhirBase, response: MeasureResponseRow): Observation {
  const measure = MEASURES[response.kind];
  const band = measure.bands.find((candidate) => candidate.code === response.band);
  return {
    resourceType: 'Observation',
    id: response.id,
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [loinc(measure.loinc.total, LOINC_NAMES[response.kind].total)], text: `${measure.name} total score` },
    subject: { reference: `Patient/${response.clientId}` },
    effectiveDateTime: iso(response.completedAt),
    issued: iso(response.completedAt),
    performer: [{ reference: `Patient/${response.clientId}` }],
    valueInteger: response.total,
    interpretation: band ? [{ coding: [{ system: severityBandCodeSystem(base), code: band.code, display: band.label }], text: `${band.label} (${band.min}–${band.max} of ${measure.maxScore})` }] : undefined,
    referenceRange: [{ low: { value: 0 }, high: { value: measure.maxScore }, text: `0–${measure.maxScore}` }],
    derivedFrom: [{ reference: `QuestionnaireResponse/${response.id}` }],
  };
}

export interface CheckInRow {
  id: string;
  clientId: string;
  bond: number;
  goals: number;
  approach: number;
  overall: number;
  createdAt: Date;
}

/**
 * A check-in: the four scores. The client's comment is words written to their therapist inside the care
 * relationship; it stays in Attune, as the other words of the relationship do.
 */
export function toCheckInQuestionnaireResponse(base: FhirBase, checkIn: CheckInRow): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: checkIn.id,
    questionnaire: questionnaireUrl(base, 'CHECK_IN'),
    status: 'completed',
    subject: { reference: `Patient/${checkIn.clientId}` },
    authored: iso(checkIn.createdAt),
    author: { reference: `Patient/${checkIn.clientId}` },
    source: { reference: `Patient/${checkIn.clientId}` },
    item: CHECK_IN_KEYS.map((key: CheckInKey) => ({ linkId: key, text: CHECK_IN_QUESTIONS[key].question, answer: [{ valueInteger: checkIn[key] }] })),
  };
}

// ---- bundles -----------------------------------------------------------------------------------------

export type SearchMode = 'match' | 'include';

export function toEntry(base: FhirBase, resource: Resource, mode?: SearchMode): BundleEntry {
  const entry: BundleEntry = { fullUrl: `${fhirRoot(base)}/${resource.resourceType}/${resource.id}`, resource };
  if (mode) entry.search = { mode };
  return entry;
}

/** A searchset: the matches (and what they refer to, as `include`), a self link and, when more follow, a next link. */
export function toSearchBundle(
  base: FhirBase,
  { self, next, total, entries }: { self: string; next: string | null; total?: number; entries: BundleEntry[] },
): Bundle {
  const link = [{ relation: 'self', url: self }];
  if (next) link.push({ relation: 'next', url: next });
  return { resourceType: 'Bundle', type: 'searchset', timestamp: new Date().toISOString(), ...(total === undefined ? {} : { total }), link, entry: entries };
}

/** What this server does, for `GET /fhir/R4/metadata`. */
export function toCapabilityStatement(base: FhirBase, version: string): CapabilityStatement {
  const count = { name: '_count', type: 'number' as const, documentation: 'How many matches on a page: 1 to 100, 20 when left out.' };
  const patient = { name: 'patient', type: 'reference' as const, documentation: 'The client: `{id}` or `Patient/{id}`. Required.' };
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-02',
    kind: 'instance',
    publisher: 'Attune',
    description:
      'Read-only FHIR R4 for a client record: for a therapist (or their API token with the fhir:read scope) and the clients in their care. Unsupported search parameters are refused (handling=strict). Private session notes are never included.',
    software: { name: 'Attune', version },
    implementation: { description: 'Attune FHIR R4', url: fhirRoot(base) },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: false,
          description: 'Authorization: Bearer <API token with the fhir:read scope>, or a signed-in therapist session in the portal.',
        },
        resource: [
          {
            type: 'Patient',
            interaction: [{ code: 'read' }],
            operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }],
          },
          { type: 'Observation', interaction: [{ code: 'search-type' }], searchParam: [patient, { name: 'code', type: 'token', documentation: 'LOINC 44261-6 (PHQ-9 total) or 70274-6 (GAD-7 total); `system|code` or the code alone, comma for either.' }, count] },
          { type: 'QuestionnaireResponse', interaction: [{ code: 'search-type' }], searchParam: [patient, count] },
        ],
      },
    ],
  };
}
