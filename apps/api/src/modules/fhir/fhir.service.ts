import { Inject, Injectable } from '@nestjs/common';
import { MEASURE_KINDS, MEASURES, type MeasureKind } from '@attune/domain';
import type { Bundle, BundleEntry, Patient, Resource } from '@medplum/fhirtypes';
import type { Viewer } from '../../common/auth/viewer';
import { encodeCursor, parseCursor, type Timed } from '../../common/pagination';
import { Policy } from '../../common/policy/policy';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import type { CheckInEntity } from '../checkins/check-in.entity';
import type { MeasureResponseEntity } from '../measures/measure.entity';
import { FhirError, fhirNotFound } from './fhir.errors';
import {
  fhirRoot,
  toAppointment,
  toCheckInQuestionnaire,
  toCheckInQuestionnaireResponse,
  toEntry,
  toMeasureQuestionnaire,
  toMeasureQuestionnaireResponse,
  toPatient,
  toPractitioner,
  toSearchBundle,
  toTotalObservation,
  type FhirBase,
} from './fhir.mapping';
import { FhirRepository, type Position } from './fhir.repository';
import { countParam, observationCodeParam, patientParam, readParams } from './fhir.search';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The search parameters each search supports (`_cursor` carries the next page, from a `next` link). */
export const SUPPORTED_PARAMS = {
  read: ['_format'],
  observation: ['patient', 'code', '_count', '_cursor', '_format'],
  questionnaireResponse: ['patient', '_count', '_cursor', '_format'],
} as const;

const via = { via: 'fhir' } as const;

/**
 * The FHIR R4 view of a client's record. Who may read it is the GraphQL API's answer, asked of the same
 * care policy: a therapist reads the clients in their care now, and of those clients' measures and
 * check-ins the ones given inside their own care; sessions show for the whole of the client's record
 * (dates and statuses, as after a hand-over). Clients and admins are refused: admins read no clinical
 * records, and a client has their own export (`exportMyData`). Every record sent is audited, in one
 * statement per request.
 */
@Injectable()
export class FhirService {
  private readonly base: FhirBase;

  constructor(
    private readonly records: FhirRepository,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.base = { publicUrl: config.PUBLIC_URL };
  }

  get fhirBase(): FhirBase {
    return this.base;
  }

  /** Only therapists read clinical records through FHIR, and a token only with `fhir:read`. */
  assertReader(viewer: Viewer) {
    if (viewer.scopes && !viewer.scopes.has('fhir:read')) throw new FhirError(403, 'forbidden', 'This token does not have the "fhir:read" scope, which every FHIR route but /metadata needs.');
    if (!Policy.holdCare(viewer)) {
      throw new FhirError(
        403,
        'forbidden',
        viewer.role === 'ADMIN'
          ? 'Admins do not read clinical records. A clinician who is also an admin uses their therapist account.'
          : 'The FHIR record is for therapists. Your own data is in your account (Download my data).',
      );
    }
  }

  /** The client, if the viewer may see them; otherwise not found, as for a client that does not exist (and the refusal is audited). */
  private async visibleClient(viewer: Viewer, id: string) {
    this.assertReader(viewer);
    if (!UUID.test(id)) throw fhirNotFound('That patient');
    const clientId = id.toLowerCase();
    const client = (await this.care.canSeeClient(viewer, clientId)) ? await this.records.client(clientId) : null;
    if (!client) {
      await this.care.refuse(viewer, 'client', clientId);
      throw fhirNotFound('That patient');
    }
    return client;
  }

  async patient(viewer: Viewer, id: string, url: string): Promise<Patient> {
    this.assertReader(viewer);
    readParams(url, SUPPORTED_PARAMS.read);
    const client = await this.visibleClient(viewer, id);
    await this.audit.record({ action: 'client.read', actor: viewer, targetType: 'client', targetId: client.id, subjectUserId: client.id, metadata: via });
    return toPatient(client);
  }

  /** `Observation?patient=`: the client's PHQ-9 and GAD-7 totals, newest first. */
  async observations(viewer: Viewer, url: string): Promise<Bundle> {
    this.assertReader(viewer);
    const params = readParams(url, SUPPORTED_PARAMS.observation);
    const patientId = patientParam(params);
    const kinds = observationCodeParam(params);
    const count = countParam(params);
    const after = readCursor(params.values.get('_cursor')?.[0]);
    const client = await this.visibleClient(viewer, patientId);
    const rows = await this.records.measureResponses(viewer, client.id, { kinds, after, limit: count + 1 });
    const page = rows.slice(0, count);
    await this.audit.recordMany(page.map(({ row }) => measureRead(viewer, row)));
    const query = [`patient=${client.id}`, ...(kinds ? [`code=${encodeURIComponent(kinds.map((kind) => `http://loinc.org|${totalCode(kind)}`).join(','))}`] : [])];
    return this.searchBundle('Observation', query, count, after, rows, page.map(({ row }) => toEntry(this.base, toTotalObservation(this.base, row), 'match')));
  }

  /** `QuestionnaireResponse?patient=`: completed PHQ-9s, GAD-7s and check-ins together, newest first. */
  async questionnaireResponses(viewer: Viewer, url: string): Promise<Bundle> {
    this.assertReader(viewer);
    const params = readParams(url, SUPPORTED_PARAMS.questionnaireResponse);
    const patientId = patientParam(params);
    const count = countParam(params);
    const after = readCursor(params.values.get('_cursor')?.[0]);
    const client = await this.visibleClient(viewer, patientId);
    // Two keyset reads of count + 1 each, merged: the newest count + 1 of both lie among them.
    const [measures, checkIns] = await Promise.all([
      this.records.measureResponses(viewer, client.id, { after, limit: count + 1 }),
      this.records.checkIns(viewer, client.id, { after, limit: count + 1 }),
    ]);
    type Row = Timed<MeasureResponseEntity> & { kind: 'measure' } | Timed<CheckInEntity> & { kind: 'checkIn' };
    const rows: Row[] = [...measures.map((r) => ({ ...r, kind: 'measure' as const })), ...checkIns.map((r) => ({ ...r, kind: 'checkIn' as const }))]
      .sort((a, b) => (a.at === b.at ? (a.row.id < b.row.id ? 1 : -1) : a.at < b.at ? 1 : -1))
      .slice(0, count + 1);
    const page = rows.slice(0, count);
    await this.audit.recordMany(page.map((r) => (r.kind === 'measure' ? measureRead(viewer, r.row) : checkInRead(viewer, r.row))));
    const entries = page.map((r) =>
      toEntry(this.base, r.kind === 'measure' ? toMeasureQuestionnaireResponse(this.base, r.row) : toCheckInQuestionnaireResponse(this.base, r.row), 'match'),
    );
    return this.searchBundle('QuestionnaireResponse', [`patient=${client.id}`], count, after, rows, entries);
  }

  /**
   * `Patient/{id}/$everything`: the whole record in one Bundle, and the portal's "Download FHIR record".
   * The client, their sessions, completed measures (answers and totals) and check-in scores, with the
   * therapists and questionnaires these refer to as `include` entries.
   */
  async everything(viewer: Viewer, id: string, url: string): Promise<Bundle> {
    this.assertReader(viewer);
    readParams(url, SUPPORTED_PARAMS.read);
    const client = await this.visibleClient(viewer, id);
    const [sessions, measures, checkIns] = await Promise.all([
      this.records.sessions(viewer, client.id),
      this.records.measureResponses(viewer, client.id, {}),
      this.records.checkIns(viewer, client.id, {}),
    ]);
    const therapists = await this.records.therapists([...new Set(sessions.map((session) => session.therapistId))].sort());
    const kinds = MEASURE_KINDS.filter((kind) => measures.some(({ row }) => row.kind === kind));

    const match = (resource: Resource) => toEntry(this.base, resource, 'match');
    const include = (resource: Resource) => toEntry(this.base, resource, 'include');
    const entries: BundleEntry[] = [
      match(toPatient(client)),
      ...sessions.map((session) => match(toAppointment(session))),
      ...measures.flatMap(({ row }) => [match(toMeasureQuestionnaireResponse(this.base, row)), match(toTotalObservation(this.base, row))]),
      ...checkIns.map(({ row }) => match(toCheckInQuestionnaireResponse(this.base, row))),
      ...therapists.map((therapist) => include(toPractitioner(therapist))),
      ...kinds.map((kind) => include(toMeasureQuestionnaire(this.base, kind))),
      ...(checkIns.length > 0 ? [include(toCheckInQuestionnaire(this.base))] : []),
    ];

    const subject = { actor: viewer, subjectUserId: client.id, metadata: via };
    const audit: AuditEntry[] = [
      { action: 'client.fhir_exported', ...subject, targetType: 'client', targetId: client.id, metadata: { ...via, sessions: sessions.length, measures: measures.length, checkIns: checkIns.length } },
      { action: 'client.read', ...subject, targetType: 'client', targetId: client.id },
      ...sessions.map((session): AuditEntry => ({ action: 'session.read', ...subject, targetType: 'session', targetId: session.id })),
      ...measures.map(({ row }) => measureRead(viewer, row)),
      ...checkIns.map(({ row }) => checkInRead(viewer, row)),
    ];
    await this.audit.recordMany(audit);
    const matches = entries.filter((entry) => entry.search?.mode === 'match').length;
    return toSearchBundle(this.base, { self: `${fhirRoot(this.base)}/Patient/${client.id}/$everything`, next: null, total: matches, entries });
  }

  private searchBundle(type: string, query: string[], count: number, after: Position | null, rows: { at: string; row: { id: string } }[], entries: BundleEntry[]): Bundle {
    const root = `${fhirRoot(this.base)}/${type}?${[...query, `_count=${count}`].join('&')}`;
    const last = rows[count - 1];
    const next = rows.length > count && last ? `${root}&_cursor=${encodeCursor([last.at, last.row.id])}` : null;
    const self = after ? `${root}&_cursor=${encodeCursor([...after])}` : root;
    return toSearchBundle(this.base, { self, next, entries });
  }
}

const totalCode = (kind: MeasureKind) => MEASURES[kind].loinc.total;

function readCursor(raw: string | undefined): Position | null {
  if (raw === undefined) return null;
  try {
    const [at, id] = parseCursor(raw, ['time', 'id']);
    return [at, id];
  } catch {
    throw new FhirError(400, 'invalid', 'That _cursor is not one this server gave out: follow the Bundle\'s "next" link as it is.', '_cursor');
  }
}

const measureRead = (viewer: Viewer, row: MeasureResponseEntity): AuditEntry => ({
  action: 'measure.read',
  actor: viewer,
  targetType: 'measure_response',
  targetId: row.id,
  subjectUserId: row.clientId,
  metadata: via,
});

const checkInRead = (viewer: Viewer, row: CheckInEntity): AuditEntry => ({
  action: 'check_in.read',
  actor: viewer,
  targetType: 'check_in',
  targetId: row.id,
  subjectUserId: row.clientId,
  metadata: via,
});
