import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idSchema, pageArgsSchema, z } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { notFound, parseInput } from '../../common/errors';
import { parseAfter, toConnection } from '../../common/pagination';
import { assertPolicy, Policy } from '../../common/policy/policy';
import { AuditService } from '../audit/audit.service';
import { UsersRepository } from '../users/users.repository';
import { CareRelationshipsRepository } from './care-relationships.repository';
import type { PracticeMembersArgs } from './care.models';
import { isOwnTherapistAccount, ownTherapistAccounts } from './self-assignment';

const searchSchema = z.string().trim().max(100).optional().nullable();

/** Admins: who is in the practice, and which therapist cares for which client. */
@Injectable()
export class CareService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relationships: CareRelationshipsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async members(viewer: Viewer, args: PracticeMembersArgs) {
    assertPolicy(Policy.manageUsers(viewer));
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const search = parseInput(searchSchema, args.search, ['search']);
    const cursor = parseAfter(after, ['string', 'id']);
    const rows = await this.relationships.membersPage({ first, after: cursor, role: args.role ?? null, search: search ?? null });
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
      const client = await this.relationships.lockClient(manager, clientId);
      if (!client) throw notFound('That client');
      if (!(await this.relationships.activeTherapistExists(manager, therapistId))) throw notFound('That therapist');
      const current = await this.relationships.currentOf(clientId, manager);
      if (current?.therapistId === therapistId) return current;
      if (current) await this.relationships.end(manager, current.id, new Date());
      const created = await this.relationships.insert(manager, { clientId, therapistId });
      const selfAssigned = await isOwnTherapistAccount(this.relationships, viewer.userId, therapistId, manager);
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
    const admin = await this.users.getById(viewer.userId);
    return (await ownTherapistAccounts(this.relationships, admin)).filter((account) => account.activeClients > 0);
  }

  async end(viewer: Viewer, rawClientId: string) {
    assertPolicy(Policy.manageUsers(viewer));
    const clientId = parseInput(idSchema, rawClientId, ['clientId']);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.relationships.currentOf(clientId, manager);
      if (!current) throw notFound('An active care relationship for that client');
      await this.relationships.end(manager, current.id, new Date());
      await this.audit.record({ action: 'care.ended', actor: viewer, targetType: 'care_relationship', targetId: current.id, subjectUserId: clientId }, manager);
      return true;
    });
  }
}
