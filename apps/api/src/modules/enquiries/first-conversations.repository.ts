import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { withExactTimes } from '../../common/pagination';
import { FirstConversationRequestEntity, type FirstConversationRequestStatus } from './first-conversation-request.entity';

/** The only place first-conversation request queries live. */
@Injectable()
export class FirstConversationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, request: Omit<FirstConversationRequestEntity, 'id' | 'status' | 'handledAt' | 'handledById' | 'createdAt'>) {
    const result = await manager.getRepository(FirstConversationRequestEntity).insert(request);
    return String(result.identifiers[0]!.id);
  }

  list(first: number, after: { createdAt: string; id: string } | null, status: FirstConversationRequestStatus | null) {
    const created = 'request.created_at';
    const qb = this.dataSource
      .getRepository(FirstConversationRequestEntity)
      .createQueryBuilder('request')
      .leftJoinAndSelect('request.therapist', 'therapist')
      .leftJoinAndSelect('request.handledBy', 'handledBy')
      .orderBy(created, 'DESC')
      .addOrderBy('request.id', 'DESC')
      .limit(first + 1);
    if (status) qb.andWhere('request.status = :status', { status });
    if (after) qb.andWhere(`(${created}, request.id) < (:afterAt, :afterId)`, { afterAt: after.createdAt, afterId: after.id });
    return withExactTimes(qb, created);
  }

  lock(manager: EntityManager, id: string) {
    return manager.getRepository(FirstConversationRequestEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, request: FirstConversationRequestEntity) {
    await manager.getRepository(FirstConversationRequestEntity).save(request);
    return manager.getRepository(FirstConversationRequestEntity).findOneOrFail({ where: { id: request.id }, relations: { therapist: true, handledBy: true } });
  }

  /** Who to tell about a new request: every active admin. */
  activeAdmins() {
    return this.dataSource.getRepository(UserEntity).find({ where: { role: 'ADMIN', deactivatedAt: IsNull() }, select: { id: true, email: true, displayName: true } });
  }
}
