import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { MOOD_MAX, MOOD_MIN, idSchema, pageArgsSchema, personText, practicePromptSchema, writeReflectionSchema, z } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { conflict, forbidden, parseInput } from '../../common/errors';
import { groupBy } from '../../common/loaders';
import { parseAfter, toConnection, withExactTimes } from '../../common/pagination';
import { parseUpdatedSince } from '../../common/updated-since';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { PracticePromptEntity, ReflectionDraftEntity, ReflectionEntity, ReflectionResponseEntity } from './reflection.entity';
import type { ReflectionsArgs } from './reflection.model';

const NOT_FOUND = 'That reflection';
const draftSchema = z.object({ body: z.string().max(10_000), mood: z.number().int().min(MOOD_MIN).max(MOOD_MAX).nullable().optional() });
const responseSchema = personText('Your response', 1, 5_000);

@Injectable()
export class ReflectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
  ) {}

  private repo() {
    return this.dataSource.getRepository(ReflectionEntity);
  }

  /** A client's own reflections, or (therapists) those shared with them by clients in their care; newest first. */
  async list(viewer: Viewer, args: ReflectionsArgs) {
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const updatedSince = parseUpdatedSince(args.updatedSince);
    if (!Policy.readClinical(viewer)) throw forbidden('Admins do not read reflections.');
    const visible = this.care.reflectionsFilter(viewer, 'r');
    const qb = this.repo().createQueryBuilder('r').where(visible.sql, visible.params).orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(first + 1);
    if (args.clientId) {
      const clientId = parseInput(idSchema, args.clientId, ['clientId']);
      await this.care.assertCanSeeClient(viewer, clientId, 'That client');
      qb.andWhere('r.client_id = :clientId', { clientId });
    }
    if (updatedSince) qb.andWhere('r.updated_at > :updatedSince', { updatedSince });
    const cursor = parseAfter(after, ['time', 'id']);
    if (cursor) qb.andWhere('(r.created_at, r.id) < (:at, :id)', { at: cursor[0], id: cursor[1] });
    const rows = await withExactTimes(qb, 'r.created_at');
    await this.audit.recordMany(rows.slice(0, first).map(({ row }) => ({ action: 'reflection.read', actor: viewer, targetType: 'reflection', targetId: row.id, subjectUserId: row.clientId })));
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => row);
  }

  /** One reflection. A therapist opening a shared reflection marks it read. */
  async get(viewer: Viewer, rawId: string) {
    const id = parseInput(idSchema, rawId, ['id']);
    const reflection = await this.repo().findOneBy({ id });
    if (!reflection || !(await this.care.canSeeReflection(viewer, reflection))) throw await this.care.refuse(viewer, 'reflection', id, NOT_FOUND);
    await this.dataSource.transaction(async (manager) => {
      if (Policy.holdCare(viewer) && !reflection.readByTherapistAt) {
        reflection.readByTherapistAt = new Date();
        await manager.update(ReflectionEntity, { id, readByTherapistAt: IsNull() }, { readByTherapistAt: reflection.readByTherapistAt });
      }
      await this.audit.record({ action: 'reflection.read', actor: viewer, targetType: 'reflection', targetId: id, subjectUserId: reflection.clientId }, manager);
    });
    return reflection;
  }

  /** Responses for many reflections at once; a therapist sees only their own, a client all of theirs. */
  async responsesByReflection(reflectionIds: readonly string[]) {
    const rows = await this.dataSource.getRepository(ReflectionResponseEntity).find({ where: { reflectionId: In([...reflectionIds]) }, order: { createdAt: 'ASC' } });
    return groupBy(rows, (row) => row.reflectionId);
  }

  async write(viewer: Viewer, input: unknown) {
    if (!Policy.writeAsClient(viewer)) throw forbidden('Reflections are written by clients.');
    const { body, mood, share } = parseInput(writeReflectionSchema, input);
    const therapistId = share ? await this.therapistToShareWith(viewer.userId) : null;
    return this.dataSource.transaction(async (manager) => {
      const reflection = await manager.save(
        manager.create(ReflectionEntity, { clientId: viewer.userId, body, mood: mood ?? null, sharedWithId: therapistId, sharedAt: therapistId ? new Date() : null }),
      );
      // The draft has become a reflection: nothing is lost by clearing it now.
      await manager.delete(ReflectionDraftEntity, { clientId: viewer.userId });
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
    const reflection = await this.repo().findOneBy({ id });
    if (!reflection || !Policy.writeAsClient(viewer) || reflection.clientId !== viewer.userId) throw await this.care.refuse(viewer, 'reflection', id, NOT_FOUND);
    const updates = await change(reflection);
    return this.dataSource.transaction(async (manager) => {
      if (Object.keys(updates).length) await manager.update(ReflectionEntity, { id }, updates);
      await this.audit.record({ action, actor: viewer, targetType: 'reflection', targetId: id, subjectUserId: viewer.userId }, manager);
      return manager.getRepository(ReflectionEntity).findOneByOrFail({ id });
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
    const reflection = await this.repo().findOneBy({ id });
    if (!reflection || !Policy.holdCare(viewer) || !(await this.care.canSeeReflection(viewer, reflection))) throw await this.care.refuse(viewer, 'reflection', id, NOT_FOUND);
    return this.dataSource.transaction(async (manager) => {
      await this.care.assertAccountOpen(manager, reflection.clientId);
      await manager.insert(ReflectionResponseEntity, { reflectionId: id, therapistId: viewer.userId, body });
      // Always an update, even when already read: it moves `updated_at`, so `updatedSince` sees the response.
      await manager.update(ReflectionEntity, { id }, { readByTherapistAt: () => 'COALESCE(read_by_therapist_at, now())' });
      await this.audit.record({ action: 'reflection.responded', actor: viewer, targetType: 'reflection', targetId: id, subjectUserId: reflection.clientId }, manager);
      return manager.getRepository(ReflectionEntity).findOneByOrFail({ id });
    });
  }

  // ---- drafts and prompts ------------------------------------------------------------------------

  async draft(viewer: Viewer) {
    if (!Policy.writeAsClient(viewer)) return null;
    return this.dataSource.getRepository(ReflectionDraftEntity).findOneBy({ clientId: viewer.userId });
  }

  async saveDraft(viewer: Viewer, input: unknown) {
    if (!Policy.writeAsClient(viewer)) throw forbidden('Reflections are written by clients.');
    const { body, mood } = parseInput(draftSchema, input);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ReflectionDraftEntity)
      .values({ clientId: viewer.userId, body, mood: mood ?? null })
      .orUpdate(['body', 'mood', 'updated_at'], ['client_id'])
      .execute();
    return this.dataSource.getRepository(ReflectionDraftEntity).findOneByOrFail({ clientId: viewer.userId });
  }

  /** Current prompts: the client's own, or those the therapist set for a client in their care. */
  async prompts(viewer: Viewer, rawClientId: string | null | undefined) {
    const clientId = Policy.writeAsClient(viewer) && !rawClientId ? viewer.userId : parseInput(idSchema, rawClientId, ['clientId']);
    await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    const visible = this.care.relationshipFilter(viewer, 'p');
    const prompts = await this.dataSource
      .getRepository(PracticePromptEntity)
      .createQueryBuilder('p')
      .where(visible.sql, visible.params)
      .andWhere('p.client_id = :clientId AND p.archived_at IS NULL', { clientId })
      .orderBy('p.created_at', 'DESC')
      .limit(20)
      .getMany();
    await this.audit.recordMany(prompts.map((prompt) => ({ action: 'practice_prompt.read', actor: viewer, targetType: 'practice_prompt', targetId: prompt.id, subjectUserId: clientId })));
    return prompts;
  }

  async setPrompt(viewer: Viewer, input: unknown) {
    const { clientId, body } = parseInput(practicePromptSchema, input);
    if (!Policy.holdCare(viewer)) throw forbidden('Therapists set practice prompts.');
    await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    return this.dataSource.transaction(async (manager) => {
      await this.care.assertAccountOpen(manager, clientId);
      const prompt = await manager.save(manager.create(PracticePromptEntity, { clientId, therapistId: viewer.userId, body }));
      await this.audit.record({ action: 'practice_prompt.set', actor: viewer, targetType: 'practice_prompt', targetId: prompt.id, subjectUserId: clientId }, manager);
      return prompt;
    });
  }

  async archivePrompt(viewer: Viewer, rawId: string) {
    const id = parseInput(idSchema, rawId, ['id']);
    const prompt = await this.dataSource.getRepository(PracticePromptEntity).findOneBy({ id });
    if (!prompt || !Policy.holdCare(viewer) || !(await this.care.canSeeWords(viewer, prompt))) throw await this.care.refuse(viewer, 'practice_prompt', id, 'That prompt');
    await this.dataSource.transaction(async (manager) => {
      await manager.update(PracticePromptEntity, { id }, { archivedAt: new Date() });
      await this.audit.record({ action: 'practice_prompt.archived', actor: viewer, targetType: 'practice_prompt', targetId: id, subjectUserId: prompt.clientId }, manager);
    });
    return true;
  }
}
