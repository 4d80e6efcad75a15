import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MY_DATA_EXPORT_FORMAT, type MyDataExport } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { forbidden } from '../../common/errors';
import { Policy } from '../../common/policy/policy';
import { AuditService } from '../audit/audit.service';
import { MyDataRepository } from './my-data.repository';

export const EXPORT_FORMAT = MY_DATA_EXPORT_FORMAT;

/** Said in the export itself, so whoever reads the file knows what is not in it and how to ask for it. */
export const PRIVATE_NOTES_STATEMENT =
  "Your therapist's private session notes are not part of this export. They are part of the clinical record the practice holds about your care. " +
  'You can ask for a copy: write to your therapist or to the practice, and they will tell you what they can share and when.';

function iso(date: Date): string;
function iso(date: Date | null): string | null;
function iso(date: Date | null) {
  return date ? date.toISOString() : null;
}

/**
 * Everything a client has in Attune, as one JSON document: what they wrote, and what was written to them
 * or set up for them. Never the therapist's private notes, nor what the practice works out about the client
 * (caseload flags, check-in concern reasons).
 */
@Injectable()
export class MyDataExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: MyDataRepository,
    private readonly audit: AuditService,
  ) {}

  async export(viewer: Viewer): Promise<MyDataExport> {
    if (!Policy.ownClientAccount(viewer)) throw forbidden('Exporting your data is for clients. Staff records belong to the practice.');
    // One snapshot: every read below sees the same moment. All through this manager: on the embedded
    // database a query on another connection would wait for this transaction and never return.
    const document = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await this.records.readOnly(manager);
      return this.read(manager, viewer.userId);
    });
    // After the snapshot (a read-only transaction cannot write); no export leaves without its audit row.
    await this.audit.record({
      action: 'account.data_exported',
      actor: viewer,
      targetType: 'user',
      targetId: viewer.userId,
      subjectUserId: viewer.userId,
      metadata: {
        format: MY_DATA_EXPORT_FORMAT,
        sessions: document.sessions.length,
        reflections: document.reflections.length,
        checkIns: document.checkIns.length,
        measures: document.measures.length,
      },
    });
    return document;
  }

  private async read(manager: EntityManager, clientId: string): Promise<MyDataExport> {
    const { user, care, sessions, reflections, draft, checkIns, measures, prompts, sharedArticles, responses, articles } = await this.records.clientRecord(manager, clientId);
    const therapistIds = new Set([...care.map((c) => c.therapistId), ...sessions.map((s) => s.therapistId), ...responses.map((r) => r.therapistId), ...prompts.map((p) => p.therapistId), ...sharedArticles.map((s) => s.therapistId)]);
    const names = await this.records.displayNames(manager, therapistIds);
    const nameOf = (id: string | null) => (id === null ? null : id === clientId ? 'you' : (names.get(id) ?? 'a former colleague'));
    const articleById = new Map(articles.map((a) => [a.id, a]));

    return {
      format: MY_DATA_EXPORT_FORMAT,
      exportedAt: new Date().toISOString(),
      privateNotes: PRIVATE_NOTES_STATEMENT,
      profile: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        timeZone: user.timeZone,
        twoStepSignIn: user.mfaEnabled,
        joinedAt: iso(user.createdAt),
        closedAt: iso(user.closedAt),
      },
      therapists: care.map((c) => ({ therapist: nameOf(c.therapistId), since: iso(c.startedAt), until: iso(c.endedAt) })),
      sessions: sessions.map((s) => ({
        id: s.id,
        therapist: nameOf(s.therapistId),
        startsAt: iso(s.startsAt),
        endsAt: iso(s.endsAt),
        modality: s.modality,
        status: s.status,
        joinDetails: s.joinDetails,
        agenda: s.agenda,
        cancelledBy: nameOf(s.cancelledBy),
        cancelReason: s.cancelReason,
      })),
      reflections: reflections.map((r) => ({
        id: r.id,
        writtenAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
        mood: r.mood,
        body: r.body,
        sharedWith: nameOf(r.sharedWithId),
        sharedAt: iso(r.sharedAt),
        practicePromptId: r.promptId,
        responses: responses
          .filter((response) => response.reflectionId === r.id)
          .map((response) => ({ from: nameOf(response.therapistId), writtenAt: iso(response.createdAt), body: response.body })),
      })),
      reflectionDraft: draft ? { savedAt: iso(draft.updatedAt), mood: draft.mood, body: draft.body } : null,
      checkIns: checkIns.map((c) => ({
        sessionId: c.sessionId,
        submittedAt: iso(c.createdAt),
        bond: c.bond,
        goals: c.goals,
        approach: c.approach,
        overall: c.overall,
        comment: c.comment,
        readByTherapistAt: iso(c.acknowledgedAt),
      })),
      measures: measures.map((m) => ({ kind: m.kind, completedAt: iso(m.completedAt), answers: m.answers, total: m.total, band: m.band })),
      practicePrompts: prompts.map((p) => ({ id: p.id, from: nameOf(p.therapistId), setAt: iso(p.createdAt), archivedAt: iso(p.archivedAt), body: p.body })),
      articlesSentToYou: sharedArticles.map((s) => {
        const article = articleById.get(s.articleId);
        return { sentAt: iso(s.createdAt), from: nameOf(s.therapistId), note: s.note, title: article?.title ?? null, slug: article?.slug ?? null, summary: article?.summary ?? null };
      }),
    };
  }
}
