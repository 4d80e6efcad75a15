import { randomUUID } from 'node:crypto';
import { MEASURES } from '@attune/domain';
import type { Resource } from '@medplum/fhirtypes';
import { expectValidFhir } from '../../../test/fhir-validator';
import {
  checkInCodeSystem,
  toAppointment,
  toCapabilityStatement,
  toCheckInQuestionnaire,
  toCheckInQuestionnaireResponse,
  toEntry,
  toMeasureQuestionnaire,
  toMeasureQuestionnaireResponse,
  toPatient,
  toPractitioner,
  toSearchBundle,
  toTotalObservation,
} from './fhir.mapping';
import { FhirError } from './fhir.errors';
import { countParam, observationCodeParam, patientParam, readParams } from './fhir.search';

const base = { publicUrl: 'https://practice.example' };
const clientId = randomUUID();
const therapistId = randomUUID();
const at = new Date('2026-11-30T09:15:00.123Z');

const phq9 = { id: randomUUID(), clientId, kind: 'PHQ9' as const, answers: [1, 2, 1, 0, 3, 1, 2, 0, 1], total: 11, band: 'MODERATE', completedAt: at };
const gad7 = { id: randomUUID(), clientId, kind: 'GAD7' as const, answers: [0, 0, 1, 0, 1, 0, 0], total: 2, band: 'MINIMAL', completedAt: at };
const checkIn = { id: randomUUID(), clientId, bond: 8, goals: 6, approach: 7, overall: 9, createdAt: at };

describe('FHIR R4 mapping', () => {
  it('makes resources that validate against the R4 definitions', () => {
    const resources: Resource[] = [
      toPatient({ id: clientId, displayName: 'Robin Client', active: true }),
      toPractitioner({ id: therapistId, displayName: 'Dr. Sam Therapist', active: false }),
      ...(['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const).map((status) =>
        toAppointment({ id: randomUUID(), clientId, therapistId, startsAt: at, endsAt: new Date(at.getTime() + 50 * 60_000), modality: 'VIDEO', status }),
      ),
      toMeasureQuestionnaire(base, 'PHQ9'),
      toMeasureQuestionnaire(base, 'GAD7'),
      toCheckInQuestionnaire(base),
      toMeasureQuestionnaireResponse(base, phq9),
      toMeasureQuestionnaireResponse(base, gad7),
      toTotalObservation(base, phq9),
      toTotalObservation(base, gad7),
      toCheckInQuestionnaireResponse(base, checkIn),
      toCapabilityStatement(base, '0.1.0'),
    ];
    for (const resource of resources) expectValidFhir(resource);
    expectValidFhir(toSearchBundle(base, { self: 'https://practice.example/fhir/R4/Observation?patient=x', next: null, total: 2, entries: resources.map((r) => toEntry(base, r, 'match')) }));
  });

  it('catches a resource that does not conform (the validator is really checking)', () => {
    const broken = { ...toTotalObservation(base, phq9), status: undefined } as unknown as Resource;
    expect(() => expectValidFhir(broken)).toThrow(/Observation\.status/);
    const wrongType = { ...toAppointment({ id: randomUUID(), clientId, therapistId, startsAt: at, endsAt: at, modality: 'PHONE', status: 'SCHEDULED' }), minutesDuration: 'fifty' } as unknown as Resource;
    expect(() => expectValidFhir(wrongType)).toThrow(/not valid FHIR R4/);
  });

  it('codes the PHQ-9 and GAD-7 with LOINC: panel, items, answers and totals', () => {
    const questionnaire = toMeasureQuestionnaire(base, 'PHQ9');
    expect(questionnaire.code).toEqual([expect.objectContaining({ system: 'http://loinc.org', code: '44249-1' })]);
    expect(questionnaire.item!.filter((item) => item.type === 'choice').map((item) => item.code![0]!.code)).toEqual(MEASURES.PHQ9.items.map((item) => item.loinc));
    expect(toMeasureQuestionnaire(base, 'GAD7').code![0]!.code).toBe('69737-5');

    const response = toMeasureQuestionnaireResponse(base, phq9);
    expect(response.item![1]!.answer![0]!.valueCoding).toEqual({ system: 'http://loinc.org', code: 'LA6570-1', display: 'More than half the days' });
    expect(response.item!.at(-1)).toMatchObject({ linkId: '44261-6', answer: [{ valueInteger: 11 }] });

    const phqTotal = toTotalObservation(base, phq9);
    expect(phqTotal.code.coding![0]!.code).toBe('44261-6');
    expect(phqTotal.valueInteger).toBe(11);
    expect(phqTotal.interpretation![0]!.coding![0]).toMatchObject({ code: 'MODERATE', display: 'Moderate' });
    expect(toTotalObservation(base, gad7).code.coding![0]!.code).toBe('70274-6');
  });

  it("codes the check-in in Attune's own code system and leaves words out", () => {
    const questionnaire = toCheckInQuestionnaire(base);
    expect(questionnaire.item!.map((item) => item.code![0])).toEqual(
      ['bond', 'goals', 'approach', 'overall'].map((code) => ({ system: 'https://practice.example/fhir/CodeSystem/alliance-check-in', code })),
    );
    expect(checkInCodeSystem(base)).toMatch(/^https:\/\/practice\.example\//);
    const response = toCheckInQuestionnaireResponse(base, { ...checkIn, comment: 'a comment that stays in Attune' } as typeof checkIn);
    expect(JSON.stringify(response)).not.toContain('a comment that stays in Attune');
  });

  it('maps session statuses: cancelled stays cancelled', () => {
    const status = (s: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW') =>
      toAppointment({ id: randomUUID(), clientId, therapistId, startsAt: at, endsAt: at, modality: 'IN_PERSON', status: s }).status;
    expect([status('SCHEDULED'), status('COMPLETED'), status('CANCELLED'), status('NO_SHOW')]).toEqual(['booked', 'fulfilled', 'cancelled', 'noshow']);
  });
});

describe('FHIR search parameters (handling=strict)', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof FhirError ? { status: error.status, code: error.code, expression: error.expression } : error;
    }
    return null;
  };
  const supported = ['patient', 'code', '_count', '_cursor', '_format'];

  it('refuses parameters it does not support, modifiers and repeats', () => {
    expect(refusal(() => readParams('/Observation?patient=x&date=ge2026-01-01', supported))).toEqual({ status: 400, code: 'not-supported', expression: 'date' });
    expect(refusal(() => readParams('/Observation?patient:missing=true', supported))).toEqual({ status: 400, code: 'not-supported', expression: 'patient:missing' });
    expect(refusal(() => readParams('/Observation?patient=a&patient=b', supported))).toEqual({ status: 400, code: 'not-supported', expression: 'patient' });
    expect(refusal(() => readParams('/Observation?_format=xml', supported))).toEqual({ status: 400, code: 'not-supported', expression: '_format' });
    expect(refusal(() => readParams('/Observation?patient=a&_format=json', supported))).toBeNull();
  });

  it('reads patient as an id or a reference, and nothing else', () => {
    const id = randomUUID();
    expect(patientParam(readParams(`/x?patient=${id}`, supported))).toBe(id);
    expect(patientParam(readParams(`/x?patient=Patient/${id}`, supported))).toBe(id);
    expect(refusal(() => patientParam(readParams(`/x?patient=Practitioner/${id}`, supported)))).toMatchObject({ status: 400, code: 'invalid' });
    expect(refusal(() => patientParam(readParams('/x', supported)))).toMatchObject({ status: 400, code: 'required' });
  });

  it('reads _count within 1 to 100 and codes of the two totals only', () => {
    expect(countParam(readParams('/x', supported))).toBe(20);
    expect(countParam(readParams('/x?_count=5', supported))).toBe(5);
    for (const bad of ['0', '101', 'ten', '-1', '2.5']) expect(refusal(() => countParam(readParams(`/x?_count=${bad}`, supported)))).toMatchObject({ status: 400, code: 'invalid' });
    expect(observationCodeParam(readParams('/x?code=http://loinc.org|44261-6,70274-6', supported))).toEqual(['PHQ9', 'GAD7']);
    expect(observationCodeParam(readParams('/x', supported))).toBeNull();
    expect(refusal(() => observationCodeParam(readParams('/x?code=8867-4', supported)))).toMatchObject({ status: 400, code: 'not-supported' });
    expect(refusal(() => observationCodeParam(readParams('/x?code=http://snomed.info/sct|44261-6', supported)))).toMatchObject({ status: 400, code: 'not-supported' });
  });
});
