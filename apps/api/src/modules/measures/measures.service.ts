import { Inject, Injectable } from '@nestjs/common';
import {
  FREQUENCY_OPTIONS,
  idSchema,
  MEASURE_KINDS,
  measureAnswersSchema,
  measureDraftAnswersSchema,
  measureKindSchema,
  MEASURES,
  pageArgsSchema,
  safetyAcknowledgementSchema,
  scoreMeasure,
  setMeasureScheduleSchema,
  severityBand,
  type MeasureKind,
  type MeasureSchedule,
} from '@attune/domain';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { AfterResponse } from '../../common/background/after-response.service';
import { badInput, conflict, forbidden, parseInput } from '../../common/errors';
import { parseAfter, toConnection } from '../../common/pagination';
import { Policy } from '../../common/policy/policy';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { renderMarkdown } from '../content/markdown';
import { MailerService } from '../mail/mailer.service';
import { PeopleService } from '../users/people.service';
import type { MeasureResponseEntity, SafetyFlagEntity } from './measure.entity';
import { MeasuresRepository } from './measures.repository';
import { isScheduleDue } from './schedule-due';
import type { MeasureResponsesArgs, SafetyFlagsArgs } from './measure.model';

/** The instruments as the API shows them: the domain's definitions with the answers every item offers. */
export const MEASURE_DEFINITIONS = MEASURE_KINDS.map((kind) => ({ ...MEASURES[kind], options: FREQUENCY_OPTIONS.map(({ score, label }) => ({ score, label })) }));
const definitionOf = (kind: MeasureKind) => MEASURE_DEFINITIONS.find((definition) => definition.kind === kind)!;

@Injectable()
export class MeasuresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly measures: MeasuresRepository,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
    private readonly mailer: MailerService,
    private readonly people: PeopleService,
    private readonly afterResponse: AfterResponse,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  definitions() {
    return MEASURE_DEFINITIONS;
  }

  // ---- schedules ---------------------------------------------------------------------------------

  /** Both measures' schedules for one client (OFF where never set): the client's own, or a client in the therapist's care. */
  async schedules(viewer: Viewer, rawClientId: string | null | undefined) {
    const clientId = this.clientOf(viewer, rawClientId);
    await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    const rows = await this.measures.schedulesOf(clientId);
    return MEASURE_KINDS.map((kind) => {
      const row = rows.find((candidate) => candidate.kind === kind);
      return { clientId, kind, schedule: row?.schedule ?? ('OFF' as MeasureSchedule), setAt: row?.setAt ?? null };
    });
  }

  /** The client's therapist sets how often a measure is asked. A client not in their care is answered as not found. */
  async setSchedule(viewer: Viewer, input: unknown) {
    if (!Policy.holdCare(viewer)) throw forbidden('Therapists set measure schedules.');
    const { clientId, kind, schedule } = parseInput(setMeasureScheduleSchema, input);
    await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    return this.dataSource.transaction(async (manager) => {
      await this.care.assertAccountOpen(manager, clientId);
      await this.measures.setSchedule(manager, { clientId, kind, schedule, setById: viewer.userId, setAt: new Date() });
      await this.audit.record({ action: 'measure.schedule_set', actor: viewer, targetType: 'client', targetId: clientId, subjectUserId: clientId, metadata: { kind, schedule } }, manager);
      const row = await this.measures.getSchedule(manager, clientId, kind);
      return { clientId, kind, schedule: row.schedule, setAt: row.setAt };
    });
  }

  // ---- the client's side -------------------------------------------------------------------------

  /** What the signed-in client has to fill in now, with their kept drafts. */
  async due(viewer: Viewer, now = new Date()) {
    if (!Policy.writeAsClient(viewer)) return [];
    const schedules = await this.measures.schedulesWithDrafts(viewer.userId, now);
    return schedules
      .filter((row) => isScheduleDue(row, now))
      .sort((a, b) => MEASURE_KINDS.indexOf(a.kind) - MEASURE_KINDS.indexOf(b.kind))
      .map((row) => {
        const definition = definitionOf(row.kind);
        const draft = row.draft ?? [];
        return { kind: row.kind, definition, draftAnswers: definition.items.map((_, index) => draft[index] ?? null) };
      });
  }

  /** Keeps a partial answer so the client can come back to it. */
  async saveDraft(viewer: Viewer, input: { kind: string; answers: (number | null)[] }) {
    if (!Policy.writeAsClient(viewer)) throw forbidden('Measures are filled in by clients.');
    const kind = parseInput(measureKindSchema, input.kind, ['kind']);
    const answers = parseInput(measureDraftAnswersSchema, input.answers, ['answers']);
    if (answers.length > MEASURES[kind].items.length) throw badInput([{ path: ['answers'], message: `The ${MEASURES[kind].name} has ${MEASURES[kind].items.length} questions.` }]);
    await this.measures.saveDraft({ clientId: viewer.userId, kind, answers, updatedAt: new Date() });
    return true;
  }

  /**
   * Scores the answers and keeps them, in one transaction with their audit rows. An answer that signals risk
   * raises a safety flag for the therapist in the same transaction, and they are emailed once it has committed.
   */
  async submit(viewer: Viewer, input: { kind: string; answers: (number | null)[] }) {
    if (!Policy.writeAsClient(viewer)) throw forbidden('Measures are filled in by clients.');
    const kind = parseInput(measureKindSchema, input.kind, ['kind']);
    const answers = parseInput(measureAnswersSchema(kind), input.answers, ['answers']) as number[];
    const score = scoreMeasure(kind, answers);
    const clientId = viewer.userId;
    const { response, flag } = await this.dataSource.transaction(async (manager) => {
      const schedule = await this.measures.scheduleOf(manager, clientId, kind);
      if (!schedule || schedule.schedule === 'OFF') throw conflict(`Your therapist has not asked for the ${MEASURES[kind].name} just now.`);
      const therapistId = await this.care.currentTherapistId(clientId, manager);
      const response = await this.measures.insertResponse(manager, { clientId, therapistId, kind, answers, total: score.total, band: score.band.code, safetyConcern: score.safetyConcern });
      await this.measures.deleteDraft(manager, clientId, kind);
      const entries = [{ action: 'measure.submitted', actor: viewer, targetType: 'measure_response', targetId: response.id, subjectUserId: clientId, metadata: { kind } }];
      let flag: SafetyFlagEntity | null = null;
      if (score.safetyConcern) {
        flag = await this.measures.insertFlag(manager, { clientId, therapistId, responseId: response.id });
        entries.push({ action: 'safety_flag.raised', actor: viewer, targetType: 'safety_flag', targetId: flag.id, subjectUserId: clientId, metadata: { kind } });
      }
      await this.audit.recordMany(entries, manager);
      return { response, flag };
    });
    if (flag?.therapistId) {
      const therapistId = flag.therapistId;
      this.afterResponse.run('A safety flag email', () => this.tellTherapist(therapistId, flag.id));
    }
    return { response: toResponse(response), safetyConcern: score.safetyConcern, crisisHtml: score.safetyConcern ? renderMarkdown(this.config.CRISIS_TEXT) : null };
  }

  /** Nothing clinical and no name in the email: it only says to sign in. */
  private async tellTherapist(therapistId: string, flagId: string) {
    await this.mailer.send({
      to: await this.people.email(therapistId),
      subject: `${this.config.PRACTICE_NAME}: something needs your attention`,
      text: `Hello,\n\nSomething one of your clients sent through Attune needs your attention soon. For privacy this email says nothing more.\n\nPlease sign in to see it at the top of your caseload:\n\n${this.config.PUBLIC_URL}/caseload\n\n(Reference ${flagId})\n`,
    });
    await this.audit.record({ action: 'safety_flag.emailed', targetType: 'safety_flag', targetId: flagId, subjectUserId: null, metadata: { therapistId } });
  }

  // ---- reading -----------------------------------------------------------------------------------

  /** Newest first: the client's own, or a client's in the therapist's care filled in while in their care. */
  async responses(viewer: Viewer, args: MeasureResponsesArgs) {
    if (!Policy.readClinical(viewer)) throw forbidden('Admins do not read measures.');
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const clientId = this.clientOf(viewer, args.clientId);
    const kind = args.kind ? parseInput(measureKindSchema, args.kind, ['kind']) : null;
    await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    const rows = await this.measures.responsesOf({
      visible: this.care.relationshipFilter(viewer, 'm'),
      clientId,
      kinds: kind ? [kind] : null,
      after: parseAfter(after, ['time', 'id']),
      limit: first + 1,
    });
    await this.audit.recordMany(
      rows.slice(0, first).map(({ row }) => ({ action: 'measure.read', actor: viewer, targetType: 'measure_response', targetId: row.id, subjectUserId: row.clientId })),
    );
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => toResponse(row));
  }

  /** The therapist's safety flags, newest first: waiting ones only unless asked, for clients still in their care. */
  async safetyFlags(viewer: Viewer, args: SafetyFlagsArgs) {
    if (!Policy.holdCare(viewer)) throw forbidden('Safety flags are for therapists.');
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    // Which measure raised it comes in the same statement: the therapist is told which one, nothing more.
    const rows = await this.measures.flagsPage({
      visible: this.care.clientsFilter(viewer, 'f.client_id'),
      therapistId: viewer.userId,
      includeAcknowledged: Boolean(args.includeAcknowledged),
      first,
      after: parseAfter(after, ['time', 'id']),
    });
    await this.audit.recordMany(
      rows.slice(0, first).map(({ row }) => ({ action: 'safety_flag.read', actor: viewer, targetType: 'safety_flag', targetId: row.id, subjectUserId: row.clientId })),
    );
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => toSafetyFlag(row, row.response.kind));
  }

  /** The therapist says what they did; the flag leaves the top of the caseload. Saying it again keeps the first note. */
  async acknowledgeSafetyFlag(viewer: Viewer, rawId: string, rawNote: unknown) {
    const id = parseInput(idSchema, rawId, ['id']);
    const note = parseInput(safetyAcknowledgementSchema, rawNote, ['note']);
    const found = await this.measures.findFlag(id);
    if (!found || !Policy.holdCare(viewer) || found.therapistId !== viewer.userId || !(await this.care.canSeeClient(viewer, found.clientId))) {
      throw await this.care.refuse(viewer, 'safety_flag', id, 'That flag');
    }
    return this.dataSource.transaction(async (manager) => {
      // Locked and read again: two acknowledgements at once keep the first note.
      const flag = await this.measures.lockFlag(manager, id);
      if (flag.acknowledgedAt) throw conflict('This flag was already acknowledged.');
      Object.assign(flag, { acknowledgedAt: new Date(), acknowledgedById: viewer.userId, acknowledgementNote: note });
      await this.measures.saveFlag(manager, flag);
      await this.audit.record({ action: 'safety_flag.acknowledged', actor: viewer, targetType: 'safety_flag', targetId: id, subjectUserId: flag.clientId }, manager);
      return toSafetyFlag(flag, await this.measures.kindOf(manager, flag.responseId));
    });
  }

  /** Therapists name the client; a client always means themselves. */
  private clientOf(viewer: Viewer, rawClientId: string | null | undefined) {
    return Policy.writeAsClient(viewer) && !rawClientId ? viewer.userId : parseInput(idSchema, rawClientId, ['clientId']);
  }
}

/** A safety flag as the API shows it, with the measure that raised it. */
function toSafetyFlag(flag: SafetyFlagEntity, measure: MeasureKind) {
  const { id, clientId, responseId, raisedAt, acknowledgedAt, acknowledgementNote } = flag;
  return { id, clientId, responseId, raisedAt, acknowledgedAt, acknowledgementNote, measure };
}

export function toResponse(row: MeasureResponseEntity) {
  return { ...row, band: severityBand(row.kind, row.total) };
}
