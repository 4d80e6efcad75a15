import { Injectable } from '@nestjs/common';
import type { MeasureKind } from '@attune/domain';
import { DataSource, In } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { withExactTimes, type Timed } from '../../common/pagination';
import { CarePolicy } from '../care/care-policy.service';
import { CheckInEntity } from '../checkins/check-in.entity';
import { MeasuresRepository } from '../measures/measures.repository';
import { TherapySessionEntity } from '../sessions/therapy-session.entity';
import { UserEntity } from '../users/user.entity';
import type { PersonRow } from './fhir.mapping';

/** A keyset position: the sort time to the microsecond and the id, newest first. */
export type Position = readonly [at: string, id: string];

/**
 * The only place the FHIR routes read the database. Every list is filtered by the care policy's own SQL
 * conditions (never a second copy of the rules): measures and check-ins by the relationship they were
 * written in, sessions by the client (after a hand-over the new therapist sees dates and statuses).
 * No query here selects a session note, an agenda, a cancel reason or a check-in comment.
 */
@Injectable()
export class FhirRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly care: CarePolicy,
    private readonly measures: MeasuresRepository,
  ) {}

  async client(id: string): Promise<PersonRow | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({
      select: { id: true, displayName: true, deactivatedAt: true, closedAt: true },
      where: { id, role: 'CLIENT' },
    });
    return user && { id: user.id, displayName: user.displayName, active: !user.deactivatedAt && !user.closedAt };
  }

  async therapists(ids: string[]): Promise<PersonRow[]> {
    if (ids.length === 0) return [];
    const users = await this.dataSource.getRepository(UserEntity).find({
      select: { id: true, displayName: true, deactivatedAt: true },
      where: { id: In(ids) },
      order: { id: 'ASC' },
    });
    return users.map((user) => ({ id: user.id, displayName: user.displayName, active: !user.deactivatedAt }));
  }

  /** Newest first; `limit` rows after `after`: the measures feature's own query, under the same filter as everywhere. */
  measureResponses(viewer: Viewer, clientId: string, { kinds, after, limit }: { kinds?: MeasureKind[] | null; after?: Position | null; limit?: number }) {
    return this.measures.responsesOf({ visible: this.care.relationshipFilter(viewer, 'm'), clientId, kinds, after, limit });
  }

  /** Newest first; `limit` rows after `after`. Only the scores: the comment is never selected. */
  checkIns(viewer: Viewer, clientId: string, { after, limit }: { after?: Position | null; limit?: number }): Promise<Timed<CheckInEntity>[]> {
    const visible = this.care.relationshipFilter(viewer, 'c');
    const qb = this.dataSource
      .getRepository(CheckInEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.clientId', 'c.bond', 'c.goals', 'c.approach', 'c.overall', 'c.createdAt'])
      .where(visible.sql, visible.params)
      .andWhere('c.client_id = :clientId', { clientId })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC');
    if (after) qb.andWhere('(c.created_at, c.id) < (:at, :id)', { at: after[0], id: after[1] });
    if (limit !== undefined) qb.limit(limit);
    return withExactTimes(qb, 'c.created_at');
  }

  /** Every session of the client, oldest first: times, modality, status and who, nothing written on them. */
  sessions(viewer: Viewer, clientId: string): Promise<TherapySessionEntity[]> {
    const visible = this.care.clientsFilter(viewer, 's.client_id');
    return this.dataSource
      .getRepository(TherapySessionEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.clientId', 's.therapistId', 's.startsAt', 's.endsAt', 's.modality', 's.status'])
      .where(visible.sql, visible.params)
      .andWhere('s.client_id = :clientId', { clientId })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }
}
