import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { idSchema, pageArgsSchema, z } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { notFound, parseInput } from '../../common/errors';
import { parseAfter, toConnection } from '../../common/pagination';
import { assertPolicy, Policy } from '../../common/policy/policy';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { CareRelationshipEntity } from './care-relationship.entity';
import type { PracticeMembersArgs } from './care.models';
import { isOwnTherapistAccount, ownTherapistAccounts } from './self-assignment';

const searchSchema = z.string().trim().max(100).optional().nullable();

/** Admins: who is in the practice, and which therapist cares for which client. */
@Injectable()
export class CareService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async members(viewer: Viewer, args: PracticeMembersArgs) {
    assertPolicy(Policy.manageUsers(viewer));
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const search = parseInput(searchSchema, args.search, ['search']);
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
      .limit(first + 1);
    if (args.role) qb.andWhere('u.role = :role', { role: args.role });
    if (search) qb.andWhere('(u.display_name ILIKE :q OR u.email ILIKE :q)', { q: `%${search.replace(/[%_\\]/g, '\\$&')}%` });
    const cursor = parseAfter(after, ['string', 'id']);
    if (cursor) qb.andWhere('(u.display_name, u.id) > (:name, :id)', { name: cursor[0], id: cursor[1] });
    const rows = await qb.getRawMany<{
      id: string;
      displayName: string;
      email: string;
      role: UserEntity['role'];
      deactivatedAt: Date | null;
      therapistName: string | null;
      therapistId: string | null;
    }>();
    // Who is in care with whom is itself clinical: each member shown is on the record.
    await this.audit.recordMany(
      rows.slice(0, first).map((row) => ({ action: 'practice_member.read', actor: viewer, targetType: 'user', targetId: row.id, subjectUserId: row.role === 'CLIENT' ? row.id : null })),
    );
    return toConnection(rows, first, (row) => [row.displayName, row.id], (row) => ({
      ...row,
      deactivated: row.deactivatedAt !== null,
      needsTherapist: row.role === 'CLIENT' && row.deactivatedAt === null && row.therapistId === null,
    }));
  }

  /**
   * Puts a client in a therapist's care. If someone else cares for them now, that relationship ends
   * in the same transaction (a hand-over); the client's history stays with the client.
   */
  async assign(viewer: Viewer, rawClientId: string, rawTherapistId: string) {
    assertPolicy(Policy.manageUsers(viewer));
    const clientId = parseInput(idSchema, rawClientId, ['clientId']);
    const therapistId = parseInput(idSchema, rawTherapistId, ['therapistId']);
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(UserEntity);
      const client = await users.findOne({ where: { id: clientId, role: 'CLIENT' }, lock: { mode: 'pessimistic_write' } });
      if (!client) throw notFound('That client');
      if (!(await users.existsBy({ id: therapistId, role: 'THERAPIST', deactivatedAt: IsNull() }))) throw notFound('That therapist');
      const current = await manager.getRepository(CareRelationshipEntity).findOneBy({ clientId, endedAt: IsNull() });
      if (current?.therapistId === therapistId) return current;
      if (current) await manager.update(CareRelationshipEntity, { id: current.id }, { endedAt: new Date() });
      const created = await manager.save(manager.create(CareRelationshipEntity, { clientId, therapistId }));
      const selfAssigned = await isOwnTherapistAccount(manager, viewer.userId, therapistId);
      await this.audit.record(
        {
          action: current ? 'care.handed_over' : 'care.assigned',
          actor: viewer,
          targetType: 'care_relationship',
          targetId: created.id,
          subjectUserId: clientId,
          metadata: { fromTherapistId: current?.therapistId ?? null, toTherapistId: therapistId, ...(selfAssigned ? { selfAssigned: true } : {}) },
        },
        manager,
      );
      return created;
    });
  }

  /** The admin's own therapist accounts that have clients: the admin has clinical access through them. */
  async clinicalAccess(viewer: Viewer) {
    assertPolicy(Policy.manageUsers(viewer));
    const admin = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: viewer.userId });
    return (await ownTherapistAccounts(this.dataSource.manager, admin)).filter((account) => account.activeClients > 0);
  }

  async end(viewer: Viewer, rawClientId: string) {
    assertPolicy(Policy.manageUsers(viewer));
    const clientId = parseInput(idSchema, rawClientId, ['clientId']);
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.getRepository(CareRelationshipEntity).findOneBy({ clientId, endedAt: IsNull() });
      if (!current) throw notFound('An active care relationship for that client');
      await manager.update(CareRelationshipEntity, { id: current.id }, { endedAt: new Date() });
      await this.audit.record({ action: 'care.ended', actor: viewer, targetType: 'care_relationship', targetId: current.id, subjectUserId: clientId }, manager);
      return true;
    });
  }
}
