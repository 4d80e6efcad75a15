import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { withExactTimes, type Timed } from '../../common/pagination';
import type { SqlFilter, VisiblePageQuery } from '../care/care-policy.service';
import { SessionNoteAddendumEntity, SessionNoteEntity } from './session-note.entity';
import { TherapySessionEntity } from './therapy-session.entity';

/** The care policy's condition is on alias `s`; sessions oldest first. */
export interface SessionListQuery extends VisiblePageQuery {
  clientId: string | null;
  from: Date | null;
  to: Date | null;
}

/** The only place queries of therapy sessions and their notes live. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(TherapySessionEntity);
  }

  /** A page of the sessions the reader may see, oldest first; one extra row tells whether another page exists. */
  list(query: SessionListQuery): Promise<Timed<TherapySessionEntity>[]> {
    const qb = this.repo().createQueryBuilder('s').orderBy('s.starts_at', 'ASC').addOrderBy('s.id', 'ASC').limit(query.first + 1);
    qb.where(query.visible.sql, query.visible.params);
    if (query.clientId) qb.andWhere('s.client_id = :clientId', { clientId: query.clientId });
    if (query.from) qb.andWhere('s.starts_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('s.starts_at < :to', { to: query.to });
    if (query.updatedSince) qb.andWhere('s.updated_at > :updatedSince', { updatedSince: query.updatedSince });
    if (query.after) qb.andWhere('(s.starts_at, s.id) > (:at, :id)', { at: query.after[0], id: query.after[1] });
    return withExactTimes(qb, 's.starts_at');
  }

  /** The reader's scheduled sessions still to end, soonest first, at most 200 (the calendar file). */
  upcoming(visible: SqlFilter) {
    return this.repo()
      .createQueryBuilder('s')
      .where(visible.sql, visible.params)
      .andWhere("s.status = 'SCHEDULED' AND s.ends_at > now()")
      .orderBy('s.starts_at', 'ASC')
      .limit(200)
      .getMany();
  }

  findById(id: string, manager?: EntityManager) {
    return this.repo(manager).findOneBy({ id });
  }

  getById(manager: EntityManager, id: string) {
    return this.repo(manager).findOneByOrFail({ id });
  }

  /** The session, locked until the transaction ends: two changes of it run one after the other. */
  lock(manager: EntityManager, id: string) {
    return this.repo(manager).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(manager: EntityManager, session: Pick<TherapySessionEntity, 'clientId' | 'therapistId' | 'startsAt' | 'endsAt' | 'modality' | 'joinDetails' | 'status'>) {
    return manager.save(manager.create(TherapySessionEntity, session));
  }

  async update(manager: EntityManager, id: string, changes: Partial<TherapySessionEntity>) {
    await manager.update(TherapySessionEntity, { id }, changes);
  }

  /** A scheduled session of the therapist or of the client overlapping the time, other than `exceptId`. */
  overlapping(manager: EntityManager, { therapistId, clientId, startsAt, endsAt, exceptId }: { therapistId: string; clientId: string; startsAt: Date; endsAt: Date; exceptId: string | null }) {
    return this.repo(manager)
      .createQueryBuilder('s')
      .where("s.status = 'SCHEDULED' AND (s.therapist_id = :therapistId OR s.client_id = :clientId)", { therapistId, clientId })
      .andWhere('s.starts_at < :endsAt AND s.ends_at > :startsAt', { startsAt, endsAt })
      .andWhere(exceptId ? 's.id <> :exceptId' : '1=1', { exceptId })
      .getOne();
  }

  /** Notes for many sessions with their addenda (oldest first): two statements whatever the count. */
  async notesOf(sessionIds: readonly string[]) {
    const notes = await this.dataSource.getRepository(SessionNoteEntity).findBy({ sessionId: In([...sessionIds]) });
    const addenda = notes.length
      ? await this.dataSource.getRepository(SessionNoteAddendumEntity).find({ where: { noteId: In(notes.map((n) => n.id)) }, order: { createdAt: 'ASC' } })
      : [];
    return { notes, addenda };
  }

  noteOf(manager: EntityManager, sessionId: string) {
    return manager.getRepository(SessionNoteEntity).findOneBy({ sessionId });
  }

  async insertNote(manager: EntityManager, note: Pick<SessionNoteEntity, 'sessionId' | 'authorId' | 'body'>) {
    await manager.insert(SessionNoteEntity, note);
  }

  async updateNote(manager: EntityManager, id: string, changes: Partial<Pick<SessionNoteEntity, 'body' | 'signedAt'>>) {
    await manager.update(SessionNoteEntity, { id }, changes);
  }

  async insertAddendum(manager: EntityManager, addendum: Pick<SessionNoteAddendumEntity, 'noteId' | 'authorId' | 'body'>) {
    await manager.insert(SessionNoteAddendumEntity, addendum);
  }
}
