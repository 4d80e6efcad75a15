import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { CareRelationshipEntity } from './care-relationship.entity';

export interface PracticeMemberRow {
  id: string;
  displayName: string;
  email: string;
  role: UserEntity['role'];
  deactivatedAt: Date | null;
  therapistName: string | null;
  therapistId: string | null;
}

export interface PracticeMembersQuery {
  first: number;
  after: readonly [name: string, id: string] | null;
  role: UserEntity['role'] | null;
  search: string | null;
}

/** An active therapist account an admin invited, with how many clients it cares for now. */
export interface InvitedTherapistAccount {
  id: string;
  email: string;
  displayName: string;
  activeClients: number;
}

/**
 * The only place care relationship queries live. Inside a transaction, pass its manager: on the embedded
 * database a query on another connection waits for the open transaction to end.
 */
@Injectable()
export class CareRelationshipsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CareRelationshipEntity);
  }

  /** The clients in an active care relationship with this therapist. */
  async activeClientIdsOf(therapistId: string, manager?: EntityManager) {
    const rows = await this.repo(manager).find({ select: { clientId: true }, where: { therapistId, endedAt: IsNull() } });
    return new Set(rows.map((row) => row.clientId));
  }

  /** The client's current care relationship, if any. */
  currentOf(clientId: string, manager?: EntityManager) {
    return this.repo(manager).findOneBy({ clientId, endedAt: IsNull() });
  }

  insert(manager: EntityManager, relationship: Pick<CareRelationshipEntity, 'clientId' | 'therapistId'>) {
    return manager.save(manager.create(CareRelationshipEntity, relationship));
  }

  end(manager: EntityManager, id: string, at: Date) {
    return manager.update(CareRelationshipEntity, { id }, { endedAt: at });
  }

  /** When (if ever) the client closed their account. */
  async clientClosedAt(manager: EntityManager, clientId: string) {
    const client = await manager.getRepository(UserEntity).findOne({ select: { id: true, closedAt: true }, where: { id: clientId } });
    return client?.closedAt ?? null;
  }

  /** The client, locked so two assignments of them cannot interleave. */
  lockClient(manager: EntityManager, clientId: string) {
    return manager.getRepository(UserEntity).findOne({ where: { id: clientId, role: 'CLIENT' }, lock: { mode: 'pessimistic_write' } });
  }

  activeTherapistExists(manager: EntityManager, therapistId: string) {
    return manager.getRepository(UserEntity).existsBy({ id: therapistId, role: 'THERAPIST', deactivatedAt: IsNull() });
  }

  /** People of the practice by name, each with their current (active) therapist; one extra row tells whether more follow. */
  membersPage(query: PracticeMembersQuery) {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoin(CareRelationshipEntity, 'c', 'c.client_id = u.id AND c.ended_at IS NULL')
      // A deactivated therapist cares for no one: their clients show as needing a therapist.
      .leftJoin(UserEntity, 't', 't.id = c.therapist_id AND t.deactivated_at IS NULL')
      .select([
        'u.id AS id',
        'u.display_name AS "displayName"',
        'u.email AS email',
        'u.role AS role',
        'u.deactivated_at AS "deactivatedAt"',
        't.display_name AS "therapistName"',
        't.id AS "therapistId"',
      ])
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(query.first + 1);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.search) qb.andWhere('(u.display_name ILIKE :q OR u.email ILIKE :q)', { q: `%${query.search.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.after) qb.andWhere('(u.display_name, u.id) > (:name, :id)', { name: query.after[0], id: query.after[1] });
    return qb.getRawMany<PracticeMemberRow>();
  }

  /** Active therapist accounts whose invitation this admin sent and that were accepted, with their current clients. */
  therapistAccountsInvitedBy(adminId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.query<InvitedTherapistAccount[]>(
      `SELECT u.id, u.email, u.display_name AS "displayName",
              (SELECT count(*)::int FROM care_relationships c WHERE c.therapist_id = u.id AND c.ended_at IS NULL) AS "activeClients"
         FROM users u
        WHERE u.role = 'THERAPIST' AND u.deactivated_at IS NULL
          AND EXISTS (SELECT 1 FROM account_tokens t
                       WHERE t.purpose = 'INVITATION' AND t.email = u.email AND t.created_by = $1 AND t.used_at IS NOT NULL)
        ORDER BY u.display_name, u.id`,
      [adminId],
    );
  }

  /** The admin's name and email, or undefined when the id is not an admin's. */
  async adminAccount(adminId: string, manager: EntityManager = this.dataSource.manager) {
    const rows = await manager.query<{ id: string; email: string; displayName: string }[]>(
      `SELECT id, email, display_name AS "displayName" FROM users WHERE id = $1 AND role = 'ADMIN'`,
      [adminId],
    );
    return rows[0];
  }
}
