import { Injectable } from '@nestjs/common';
import type { MeasureKind } from '@attune/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { withExactTimes, type Timed } from '../../common/pagination';
import type { SqlFilter, VisiblePageQuery } from '../care/care-policy.service';
import { scheduleDueColumns, type ScheduleDueFacts } from './schedule-due';
import { MeasureDraftEntity, MeasureResponseEntity, MeasureScheduleEntity, SafetyFlagEntity } from './measure.entity';

/** A schedule of the client's, with what decides whether it is due and the draft kept for it. */
export interface ScheduleWithDraftRow extends ScheduleDueFacts {
  kind: MeasureKind;
  draft: (number | null)[] | null;
}

/** The care policy's condition is on alias `m`; newest first, `limit` rows after `after` (all when no limit). */
export interface ResponsesQuery {
  visible: SqlFilter;
  clientId: string;
  kinds?: readonly MeasureKind[] | null;
  after?: readonly [at: string, id: string] | null;
  limit?: number;
}

/** The care policy's condition is on alias `f`. */
export interface SafetyFlagsQuery extends Omit<VisiblePageQuery, 'updatedSince'> {
  therapistId: string;
  includeAcknowledged: boolean;
}

export type SafetyFlagWithResponse = SafetyFlagEntity & { response: MeasureResponseEntity };

/** The only place queries of measures (schedules, drafts, responses) and safety flags live. */
@Injectable()
export class MeasuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  schedulesOf(clientId: string) {
    return this.dataSource.getRepository(MeasureScheduleEntity).findBy({ clientId });
  }

  scheduleOf(manager: EntityManager, clientId: string, kind: MeasureKind) {
    return manager.getRepository(MeasureScheduleEntity).findOneBy({ clientId, kind });
  }

  getSchedule(manager: EntityManager, clientId: string, kind: MeasureKind) {
    return manager.getRepository(MeasureScheduleEntity).findOneByOrFail({ clientId, kind });
  }

  async setSchedule(manager: EntityManager, schedule: Pick<MeasureScheduleEntity, 'clientId' | 'kind' | 'schedule' | 'setById' | 'setAt'>) {
    await manager.upsert(MeasureScheduleEntity, schedule, ['clientId', 'kind']);
  }

  /** One statement: the client home asks for this on every visit. */
  schedulesWithDrafts(clientId: string, now: Date): Promise<ScheduleWithDraftRow[]> {
    return this.dataSource.query(
      `SELECT s.kind, s.schedule, s.set_at, d.answers AS draft,
              ${scheduleDueColumns('s', '$2')}
         FROM measure_schedules s
         LEFT JOIN measure_drafts d ON d.client_id = s.client_id AND d.kind = s.kind
        WHERE s.client_id = $1`,
      [clientId, now],
    );
  }

  async saveDraft(draft: Pick<MeasureDraftEntity, 'clientId' | 'kind' | 'answers' | 'updatedAt'>) {
    await this.dataSource.getRepository(MeasureDraftEntity).upsert(draft, ['clientId', 'kind']);
  }

  async deleteDraft(manager: EntityManager, clientId: string, kind: MeasureKind) {
    await manager.delete(MeasureDraftEntity, { clientId, kind });
  }

  insertResponse(manager: EntityManager, response: Pick<MeasureResponseEntity, 'clientId' | 'therapistId' | 'kind' | 'answers' | 'total' | 'band' | 'safetyConcern'>) {
    return manager.save(manager.create(MeasureResponseEntity, response));
  }

  /** A client's responses the reader may see: the GraphQL pages and the FHIR routes read through this one query. */
  responsesOf(query: ResponsesQuery): Promise<Timed<MeasureResponseEntity>[]> {
    const qb = this.dataSource
      .getRepository(MeasureResponseEntity)
      .createQueryBuilder('m')
      .where(query.visible.sql, query.visible.params)
      .andWhere('m.client_id = :clientId', { clientId: query.clientId })
      .orderBy('m.completed_at', 'DESC')
      .addOrderBy('m.id', 'DESC');
    if (query.kinds) qb.andWhere('m.kind IN (:...kinds)', { kinds: query.kinds });
    if (query.after) qb.andWhere('(m.completed_at, m.id) < (:at, :id)', { at: query.after[0], id: query.after[1] });
    if (query.limit !== undefined) qb.limit(query.limit);
    return withExactTimes(qb, 'm.completed_at');
  }

  /** Which measure a response was, and nothing more of it. */
  async kindOf(manager: EntityManager, responseId: string) {
    const response = await manager.getRepository(MeasureResponseEntity).findOneOrFail({ select: { id: true, kind: true }, where: { id: responseId } });
    return response.kind;
  }

  insertFlag(manager: EntityManager, flag: Pick<SafetyFlagEntity, 'clientId' | 'therapistId' | 'responseId'>) {
    return manager.save(manager.create(SafetyFlagEntity, flag));
  }

  findFlag(id: string) {
    return this.dataSource.getRepository(SafetyFlagEntity).findOneBy({ id });
  }

  lockFlag(manager: EntityManager, id: string) {
    return manager.getRepository(SafetyFlagEntity).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveFlag(manager: EntityManager, flag: SafetyFlagEntity) {
    return manager.save(flag);
  }

  /** The therapist's flags, newest first, each with the measure that raised it (in the same statement); one extra row tells whether another page exists. */
  flagsPage(query: SafetyFlagsQuery): Promise<Timed<SafetyFlagWithResponse>[]> {
    const qb = this.dataSource
      .getRepository(SafetyFlagEntity)
      .createQueryBuilder('f')
      .leftJoinAndMapOne('f.response', MeasureResponseEntity, 'r', 'r.id = f.response_id')
      .where(query.visible.sql, query.visible.params)
      .andWhere('f.therapist_id = :therapistId', { therapistId: query.therapistId })
      .orderBy('f.raised_at', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(query.first + 1);
    if (!query.includeAcknowledged) qb.andWhere('f.acknowledged_at IS NULL');
    if (query.after) qb.andWhere('(f.raised_at, f.id) < (:at, :id)', { at: query.after[0], id: query.after[1] });
    return withExactTimes(qb, 'f.raised_at') as Promise<Timed<SafetyFlagWithResponse>[]>;
  }
}
