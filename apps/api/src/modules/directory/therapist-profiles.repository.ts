import { Injectable } from '@nestjs/common';
import { DataSource, Like, type EntityManager } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { TherapistProfileEntity } from './therapist-profile.entity';

export interface DirectoryQuery {
  offset: number;
  limit: number;
  acceptingOnly: boolean;
}

/** The only place therapist profile queries live. */
@Injectable()
export class TherapistProfilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(TherapistProfileEntity);
  }

  /** Published profiles of therapists whose accounts are active, by name. */
  private published(manager?: EntityManager) {
    return this.repo(manager)
      .createQueryBuilder('profile')
      .innerJoin('profile.user', 'user')
      .where('profile.published = true')
      .andWhere("user.role = 'THERAPIST'")
      .andWhere('user.deactivated_at IS NULL');
  }

  async directory(query: DirectoryQuery) {
    const qb = this.published().orderBy('profile.display_name', 'ASC').addOrderBy('profile.id', 'ASC').offset(query.offset).limit(query.limit);
    if (query.acceptingOnly) qb.andWhere('profile.accepting_new_clients = true');
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total: Number(total) };
  }

  /** Cursor pages by (name, id), for GraphQL. */
  listPublished(first: number, after: { name: string; id: string } | null, acceptingOnly: boolean) {
    const qb = this.published().orderBy('profile.display_name', 'ASC').addOrderBy('profile.id', 'ASC').limit(first + 1);
    if (acceptingOnly) qb.andWhere('profile.accepting_new_clients = true');
    if (after) qb.andWhere('(profile.display_name, profile.id) > (:name, :id)', after);
    return qb.getMany();
  }

  findPublishedBySlug(slug: string) {
    return this.published().andWhere('profile.slug = :slug', { slug }).getOne();
  }

  findPublishedById(id: string) {
    return this.published().andWhere('profile.id = :id', { id }).getOne();
  }

  findPublishedByUserIds(userIds: string[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.published().andWhere('profile.user_id IN (:...userIds)', { userIds }).getMany();
  }

  findByUserId(userId: string, manager?: EntityManager) {
    return this.repo(manager).findOneBy({ userId });
  }

  lockByUserId(manager: EntityManager, userId: string) {
    return this.repo(manager).findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
  }

  async slugsStartingWith(manager: EntityManager, base: string) {
    const rows = await this.repo(manager).find({ where: { slug: Like(`${base.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) }, select: { slug: true } });
    return new Set(rows.map((row) => row.slug));
  }

  findTherapist(manager: EntityManager, userId: string) {
    return manager.getRepository(UserEntity).findOneBy({ id: userId, role: 'THERAPIST' });
  }

  save(manager: EntityManager, profile: TherapistProfileEntity) {
    return this.repo(manager).save(profile);
  }

  /** Every published profile's address and last change, for the sitemap. */
  listPublishedAddresses(limit: number) {
    return this.published().select(['profile.slug', 'profile.updatedAt']).orderBy('profile.display_name', 'ASC').limit(limit).getMany();
  }
}
