import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { withExactTimes, type Timed } from '../../common/pagination';
import type { VisiblePageQuery } from '../care/care-policy.service';
import { TherapySessionEntity } from '../sessions/therapy-session.entity';
import { CheckInEntity } from './check-in.entity';

/** The care policy's condition is on alias `c`. */
export interface CheckInListQuery extends VisiblePageQuery {
  clientId: string;
}

/** The only place check-in queries live. */
@Injectable()
export class CheckInsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CheckInEntity);
  }

  /** The session a check-in is for, locked so two check-ins for it cannot both pass the "once" test. */
  lockSession(manager: EntityManager, sessionId: string) {
    return manager.getRepository(TherapySessionEntity).findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
  }

  existsForSession(manager: EntityManager, sessionId: string) {
    return this.repo(manager).existsBy({ sessionId });
  }

  /** The client's latest check-ins, newest first: what a fall is measured against. */
  latestOfClient(manager: EntityManager, clientId: string, take: number) {
    return this.repo(manager).find({ where: { clientId }, order: { createdAt: 'DESC' }, take });
  }

  insert(manager: EntityManager, checkIn: Partial<CheckInEntity>) {
    return manager.save(manager.create(CheckInEntity, checkIn));
  }

  findById(id: string) {
    return this.repo().findOneBy({ id });
  }

  markAcknowledged(manager: EntityManager, id: string, at: Date) {
    return this.repo(manager).update({ id }, { acknowledgedAt: at });
  }

  /** A client's check-ins the reader may see, newest first; one extra row tells whether another page exists. */
  listOfClient(query: CheckInListQuery): Promise<Timed<CheckInEntity>[]> {
    const qb = this.repo()
      .createQueryBuilder('c')
      .where(query.visible.sql, query.visible.params)
      .andWhere('c.client_id = :clientId', { clientId: query.clientId })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(query.first + 1);
    if (query.updatedSince) qb.andWhere('c.updated_at > :updatedSince', { updatedSince: query.updatedSince });
    if (query.after) qb.andWhere('(c.created_at, c.id) < (:at, :id)', { at: query.after[0], id: query.after[1] });
    return withExactTimes(qb, 'c.created_at');
  }

  forSessions(sessionIds: readonly string[]) {
    return this.repo().findBy({ sessionId: In([...sessionIds]) });
  }
}
