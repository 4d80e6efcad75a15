import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { withExactTimes, type Timed } from '../../common/pagination';
import type { SqlFilter, VisiblePageQuery } from '../care/care-policy.service';
import { PracticePromptEntity, ReflectionDraftEntity, ReflectionEntity, ReflectionResponseEntity } from './reflection.entity';

/** The care policy's condition is on alias `r`; without a client, every reflection the reader may see. */
export interface ReflectionListQuery extends VisiblePageQuery {
  clientId: string | null;
}

/** The only place reflection, response, draft and practice prompt queries live. */
@Injectable()
export class ReflectionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ReflectionEntity);
  }

  /** Reflections the reader may see, newest first; one extra row tells whether another page exists. */
  list(query: ReflectionListQuery): Promise<Timed<ReflectionEntity>[]> {
    const qb = this.repo()
      .createQueryBuilder('r')
      .where(query.visible.sql, query.visible.params)
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(query.first + 1);
    if (query.clientId) qb.andWhere('r.client_id = :clientId', { clientId: query.clientId });
    if (query.updatedSince) qb.andWhere('r.updated_at > :updatedSince', { updatedSince: query.updatedSince });
    if (query.after) qb.andWhere('(r.created_at, r.id) < (:at, :id)', { at: query.after[0], id: query.after[1] });
    return withExactTimes(qb, 'r.created_at');
  }

  findById(id: string, manager?: EntityManager) {
    return this.repo(manager).findOneBy({ id });
  }

  findByIdOrFail(manager: EntityManager, id: string) {
    return this.repo(manager).findOneByOrFail({ id });
  }

  /** Only if nobody marked it first: the first time the therapist opened it is the one kept. */
  markReadByTherapist(manager: EntityManager, id: string, at: Date) {
    return this.repo(manager).update({ id, readByTherapistAt: IsNull() }, { readByTherapistAt: at });
  }

  insert(manager: EntityManager, reflection: Partial<ReflectionEntity>) {
    return manager.save(manager.create(ReflectionEntity, reflection));
  }

  update(manager: EntityManager, id: string, changes: Partial<ReflectionEntity>) {
    return this.repo(manager).update({ id }, changes);
  }

  insertResponse(manager: EntityManager, response: Pick<ReflectionResponseEntity, 'reflectionId' | 'therapistId' | 'body'>) {
    return manager.insert(ReflectionResponseEntity, response);
  }

  /** A response was written: the reflection counts as read (from now, unless it was already), and `updated_at` moves. */
  markRespondedTo(manager: EntityManager, id: string) {
    return this.repo(manager).update({ id }, { readByTherapistAt: () => 'COALESCE(read_by_therapist_at, now())' });
  }

  /** Responses to many reflections at once, oldest first. */
  responsesTo(reflectionIds: readonly string[]) {
    return this.dataSource.getRepository(ReflectionResponseEntity).find({ where: { reflectionId: In([...reflectionIds]) }, order: { createdAt: 'ASC' } });
  }

  // ---- drafts and prompts ------------------------------------------------------------------------

  draftOf(clientId: string) {
    return this.dataSource.getRepository(ReflectionDraftEntity).findOneBy({ clientId });
  }

  draftOfOrFail(clientId: string) {
    return this.dataSource.getRepository(ReflectionDraftEntity).findOneByOrFail({ clientId });
  }

  /** One draft a client: written over each time it is saved. */
  upsertDraft(draft: Pick<ReflectionDraftEntity, 'clientId' | 'body' | 'mood'>) {
    return this.dataSource.createQueryBuilder().insert().into(ReflectionDraftEntity).values(draft).orUpdate(['body', 'mood', 'updated_at'], ['client_id']).execute();
  }

  deleteDraft(manager: EntityManager, clientId: string) {
    return manager.delete(ReflectionDraftEntity, { clientId });
  }

  /** A client's current prompts the reader may see (the care policy's SQL on alias `p`), newest first, at most 20. */
  currentPrompts(visible: SqlFilter, clientId: string) {
    return this.dataSource
      .getRepository(PracticePromptEntity)
      .createQueryBuilder('p')
      .where(visible.sql, visible.params)
      .andWhere('p.client_id = :clientId AND p.archived_at IS NULL', { clientId })
      .orderBy('p.created_at', 'DESC')
      .limit(20)
      .getMany();
  }

  findPrompt(id: string) {
    return this.dataSource.getRepository(PracticePromptEntity).findOneBy({ id });
  }

  insertPrompt(manager: EntityManager, prompt: Pick<PracticePromptEntity, 'clientId' | 'therapistId' | 'body'>) {
    return manager.save(manager.create(PracticePromptEntity, prompt));
  }

  archivePrompt(manager: EntityManager, id: string, at: Date) {
    return manager.update(PracticePromptEntity, { id }, { archivedAt: at });
  }
}
