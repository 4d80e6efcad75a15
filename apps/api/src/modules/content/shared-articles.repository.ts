import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { CareRelationshipEntity } from '../care/care-relationship.entity';
import { UserEntity } from '../users/user.entity';
import { withExactTimes, type Timed } from '../../common/pagination';
import { SharedArticleEntity } from './shared-article.entity';

export interface SharedListQuery {
  clientId: string;
  /** Set when a therapist asks: only what they sent. */
  therapistId: string | null;
  first: number;
  after: { sharedAt: string; id: string } | null;
  now: Date;
}

/** Queries for articles therapists send to their clients. */
@Injectable()
export class SharedArticlesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A care relationship that has not ended: the only thing that lets a therapist reach a client. */
  async isActiveCare(therapistId: string, clientId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(CareRelationshipEntity).existsBy({ therapistId, clientId, endedAt: IsNull() });
  }

  /** The therapist's active clients, by name. */
  listActiveClients(therapistId: string): Promise<UserEntity[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('client')
      .innerJoin(CareRelationshipEntity, 'care', 'care.client_id = client.id AND care.ended_at IS NULL')
      .where('care.therapist_id = :therapistId', { therapistId })
      .andWhere('client.deactivated_at IS NULL')
      .orderBy('client.display_name', 'ASC')
      .limit(1000)
      .getMany();
  }

  async insert(manager: EntityManager, share: Pick<SharedArticleEntity, 'articleId' | 'therapistId' | 'clientId' | 'note'>) {
    const result = await manager.getRepository(SharedArticleEntity).insert(share);
    return String(result.identifiers[0]!.id);
  }

  findById(manager: EntityManager, id: string) {
    return manager.getRepository(SharedArticleEntity).findOne({ where: { id }, relations: { article: { author: true }, therapist: true } });
  }

  /** Newest first, only articles that are public now (an unpublished one quietly leaves the list). */
  list(query: SharedListQuery): Promise<Timed<SharedArticleEntity>[]> {
    const changed = 'shared.created_at';
    const qb = this.dataSource
      .getRepository(SharedArticleEntity)
      .createQueryBuilder('shared')
      .innerJoinAndSelect('shared.article', 'article')
      .innerJoinAndSelect('article.author', 'author')
      .innerJoinAndSelect('shared.therapist', 'therapist')
      .where('shared.client_id = :clientId', { clientId: query.clientId })
      .andWhere("article.status = 'PUBLISHED'")
      .andWhere('article.published_at <= :now', { now: query.now })
      .orderBy(changed, 'DESC')
      .addOrderBy('shared.id', 'DESC')
      .limit(query.first + 1);
    if (query.therapistId) qb.andWhere('shared.therapist_id = :therapistId', { therapistId: query.therapistId });
    if (query.after) qb.andWhere(`(${changed}, shared.id) < (:afterAt, :afterId)`, { afterAt: query.after.sharedAt, afterId: query.after.id });
    return withExactTimes(qb, changed);
  }
}
