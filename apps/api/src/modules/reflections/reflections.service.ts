import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MOOD_MAX, MOOD_MIN, idSchema, pageArgsSchema, personText, practicePromptSchema, writeReflectionSchema, z } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { conflict, forbidden, parseInput } from '../../common/errors';
import { groupBy } from '../../common/loaders';
import { parseAfter, toConnection } from '../../common/pagination';
import { parseUpdatedSince } from '../../common/updated-since';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import type { ReflectionEntity } from './reflection.entity';
import { ReflectionsRepository } from './reflections.repository';
import type { ReflectionsArgs } from './reflection.model';

const NOT_FOUND = 'That reflection';
const draftSchema = z.object({ body: z.string().max(10_000), mood: z.number().int().min(MOOD_MIN).max(MOOD_MAX).nullable().optional() });
const responseSchema = personText('Your response', 1, 5_000);

@Injectable()
export class ReflectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflections: ReflectionsRepository,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
  ) {}

  /** A client's own reflections, or (therapists) those shared with them by clients in their care; newest first. */
  async list(viewer: Viewer, args: ReflectionsArgs) {
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const updatedSince = parseUpdatedSince(args.updatedSince);
    if (!Policy.readClinical(viewer)) throw forbidden('Admins do not read reflections.');
    const visible = this.care.reflectionsFilter(viewer, 'r');
    const clientId = args.clientId ? parseInput(idSchema, args.clientId, ['clientId']) : null;
    if (clientId) await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    const cursor = parseAfter(after, ['time', 'id']);
    const rows = await this.reflections.list({ visible, clientId, first, after: cursor, updatedSince });
    await this.audit.recordMany(rows.slice(0, first).map(({ row }) => ({ action: 'reflection.read', actor: viewer, targetType: 'reflection', targetId: row.id, subjectUserId: row.clientId })));
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => row);
  }

  /** One reflection. A therapist opening a shared reflection marks it read. */
  async get(viewer: Viewer, rawId: string) {
    const id = parseInput(idSchema, rawId, ['id']);
    const reflection = await this.reflections.findById(id);
    if (!reflection || !(await this.care.canSeeReflection(viewer, reflection))) throw await this.care.refuse(viewer, 'reflection', id, NOT_FOUND);
    await this.dataSource.transaction(async (manager) => {
      if (Policy.holdCare(viewer) && !reflection.readByTherapistAt) {
        reflection.readByTherapistAt = new Date();
        await this.reflections.markReadByTherapist(manager, id, reflection.readByTherapistAt);
      }
      await this.audit.record({ action: 'reflection.read', actor: viewer, targetType: 'reflection', targetId: id, subjectUserId: reflection.clientId }, manager);
    });
    return reflection;
  }

  /** Responses for many reflections at once; a therapist sees only their own, a client all of theirs. */
  async responsesByReflection(reflectionIds: readonly string[]) {
    const rows = await this.reflections.responsesTo(reflectionIds);
    return groupBy(rows, (row) => row.reflectionId);
  }

  async write(viewer: Viewer, input: unknown) {
    if (!Policy.writeAsClient(viewer)) throw forbidden('Reflections are written by clients.');
    const { body, mood, share } = parseInput(writeReflectionSchema, input);
    const therapistId = share ? await this.therapistToShareWith(viewer.userId) : null;
    return this.dataSource.transaction(async (manager) => {
      const reflection = await this.reflections.insert(manager, { clientId: viewer.userId, body, mood: mood ?? null, sharedWithId: therapistId, sharedAt: therapistId ? new Date() : null });
      // The draft has become a reflection: nothing is lost by clearing it now.
      await this.reflections.deleteDraft(manager, viewer.userId);
      await this.audit.record({ action: 'reflection.written', actor: viewer, targetType: 'reflection', targetId: reflection.id, subjectUserId: viewer.userId, metadata: { shared: Boolean(therapistId) } }, manager);
      return reflection;
    });
  }

  async share(viewer: Viewer, rawId: string) {
    return this.changeOwn(viewer, rawId, 'reflection.shared', async (reflection) => {
      if (reflection.sharedWithId) return {};
      return { sharedWithId: await this.therapistToShareWith(viewer.userId), sharedAt: new Date(), readByTherapistAt: null, unsharedAt: null };
    });
  }

  /** Hides the reflection from the therapist again; their responses stay with the client. */
  async unshare(viewer: Viewer, rawId: string) {
    return this.changeOwn(viewer, rawId, 'reflection.unshared', async (reflection) => (reflection.sharedWithId ? { sharedWithId: null, sharedAt: null, readByTherapistAt: null, unsharedAt: new Date() } : {}));
  }

  private async changeOwn(viewer: Viewer, rawId: string, action: string, change: (reflection: ReflectionEntity) => Promise<Partial<ReflectionEntity>>) {
    const id = parseInput(idSchema, rawId, ['id']);
    const reflection = await this.reflections.findById(id);
    if (!reflection || !Policy.writeAsClient(viewer) || reflection.clientId !== viewer.userId) throw await this.care.refuse(viewer, 'reflection', id, NOT_FOUND);
    const updates = await change(reflection);
    return this.dataSource.transaction(async (manager) => {
      if (Object.keys(updates).length) await this.reflections.update(manager, id, updates);
      await this.audit.record({ action, actor: viewer, targetType: 'reflection', targetId: id, subjectUserId: viewer.userId }, manager);
      return this.reflections.findByIdOrFail(manager, id);
    });
  }

  private async therapistToShareWith(clientId: string) {
    const therapistId = await this.care.currentTherapistId(clientId);
    if (!therapistId) throw conflict("You don't have a therapist to share with right now, so this stays private.");
    return therapistId;
  }

  /** The client's therapist responds, to shared reflections only. */
  async respond(viewer: Viewer, rawId: string, rawBody: unknown) {
    const id = parseInput(idSchema, rawId, ['id']);
    const body = parseInput(responseSchema, rawBody, ['body']);
    const reflection = await this.reflections.findById(id);
    if (!reflection || !Policy.holdCare(viewer) || !(await this.care.canSeeReflection(viewer, reflection))) throw await this.care.refuse(viewer, 'reflection', id, NOT_FOUND);
    return this.dataSource.transaction(async (manager) => {
      await this.care.assertAccountOpen(manager, reflection.clientId);
      await this.reflections.insertResponse(manager, { reflectionId: id, therapistId: viewer.userId, body });
      // Always an update, even when already read: it moves `updated_at`, so `updatedSince` sees the response.
      await this.reflections.markRespondedTo(manager, id);
      await this.audit.record({ action: 'reflection.responded', actor: viewer, targetType: 'reflection', targetId: id, subjectUserId: reflection.clientId }, manager);
      return this.reflections.findByIdOrFail(manager, id);
    });
  }

  // ---- drafts and prompts ------------------------------------------------------------------------

  async draft(viewer: Viewer) {
    if (!Policy.writeAsClient(viewer)) return null;
    return this.reflections.draftOf(viewer.userId);
  }

  async saveDraft(viewer: Viewer, input: unknown) {
    if (!Policy.writeAsClient(viewer)) throw forbidden('Reflections are written by clients.');
    const { body, mood } = parseInput(draftSchema, input);
    await this.reflections.upsertDraft({ clientId: viewer.userId, body, mood: mood ?? null });
    return this.reflections.draftOfOrFail(viewer.userId);
  }

  /** Current prompts: the client's own, or those the therapist set for a client in their care. */
  async prompts(viewer: Viewer, rawClientId: string | null | undefined) {
    const clientId = Policy.writeAsClient(viewer) && !rawClientId ? viewer.userId : parseInput(idSchema, rawClientId, ['clientId']);
    await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    const prompts = await this.reflections.currentPrompts(this.care.relationshipFilter(viewer, 'p'), clientId);
    await this.audit.recordMany(prompts.map((prompt) => ({ action: 'practice_prompt.read', actor: viewer, targetType: 'practice_prompt', targetId: prompt.id, subjectUserId: clientId })));
    return prompts;
  }

  async setPrompt(viewer: Viewer, input: unknown) {
    const { clientId, body } = parseInput(practicePromptSchema, input);
    if (!Policy.holdCare(viewer)) throw forbidden('Therapists set practice prompts.');
    await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    return this.dataSource.transaction(async (manager) => {
      await this.care.assertAccountOpen(manager, clientId);
      const prompt = await this.reflections.insertPrompt(manager, { clientId, therapistId: viewer.userId, body });
      await this.audit.record({ action: 'practice_prompt.set', actor: viewer, targetType: 'practice_prompt', targetId: prompt.id, subjectUserId: clientId }, manager);
      return prompt;
    });
  }

  async archivePrompt(viewer: Viewer, rawId: string) {
    const id = parseInput(idSchema, rawId, ['id']);
    const prompt = await this.reflections.findPrompt(id);
    if (!prompt || !Policy.holdCare(viewer) || !(await this.care.canSeeWords(viewer, prompt))) throw await this.care.refuse(viewer, 'practice_prompt', id, 'That prompt');
    await this.dataSource.transaction(async (manager) => {
      await this.reflections.archivePrompt(manager, id, new Date());
      await this.audit.record({ action: 'practice_prompt.archived', actor: viewer, targetType: 'practice_prompt', targetId: id, subjectUserId: prompt.clientId }, manager);
    });
    return true;
  }
}
