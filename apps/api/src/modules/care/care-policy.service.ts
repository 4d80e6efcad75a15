import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { conflict, notFound } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { CareRelationshipsRepository } from './care-relationships.repository';

/** The parts of a clinical record that decide who may see it. */
export interface ClinicalRecord {
  clientId: string;
}

/** Something written inside one care relationship: an agenda, a check-in, a response, a practice prompt. */
export interface RelationshipRecord extends ClinicalRecord {
  therapistId: string;
}

/** A SQL condition with its parameters, for `queryBuilder.andWhere(filter.sql, filter.params)`. */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

/** A page of clinical rows the reader may see, newest first by (time, id): what every clinical list asks its repository. */
export interface VisiblePageQuery {
  /** The care policy's condition for this reader. */
  visible: SqlFilter;
  first: number;
  after: readonly [at: string, id: string] | null;
  updatedSince: Date | null;
}

const NOTHING: SqlFilter = { sql: 'FALSE', params: {} };

/**
 * The contract's "who may see what" for clinical data, stated once. Each rule has two forms that say the
 * same thing: a SQL condition that filters a list, and a check of one record already loaded.
 * - A client sees their own records.
 * - A therapist sees the records of clients in an active care relationship with them (dates, statuses,
 *   scores); of their reflections only those shared with them; a session note only if they wrote it.
 * - Words written inside one care relationship (agendas, cancel reasons, check-ins, the therapist's
 *   responses, practice prompts) stay with it: after a hand-over the new therapist sees dates and
 *   statuses of earlier sessions, not what was said in them.
 * - An admin sees no clinical records at all.
 * Resolvers ask before every read and write; field resolvers ask again for each clinical field.
 */
@Injectable()
export class CarePolicy {
  /** One query per viewer per request, however many records are checked. */
  private readonly activeClients = new WeakMap<Viewer, Promise<Set<string>>>();
  /** Clients a statement of this request found in the viewer's active care (`knowSomeActiveClients`). */
  private readonly someActiveClients = new WeakMap<Viewer, Set<string>>();

  constructor(
    private readonly relationships: CareRelationshipsRepository,
    private readonly audit: AuditService,
  ) {}

  // ---- sets: SQL conditions ------------------------------------------------------------------------

  /** Rows about clients the viewer may see (`clientColumn` names the row's client, e.g. `s.client_id`). */
  clientsFilter(viewer: Viewer, clientColumn: string): SqlFilter {
    if (viewer.role === 'CLIENT') return { sql: `${clientColumn} = :policyViewerId`, params: { policyViewerId: viewer.userId } };
    if (viewer.role !== 'THERAPIST') return NOTHING;
    return {
      sql: `${clientColumn} IN (SELECT policy_care.client_id FROM care_relationships policy_care WHERE policy_care.therapist_id = :policyViewerId AND policy_care.ended_at IS NULL)`,
      params: { policyViewerId: viewer.userId },
    };
  }

  /** Rows written inside the viewer's own care relationship (`therapistColumn` names the row's therapist). */
  relationshipFilter(viewer: Viewer, alias: string, therapistColumn = `${alias}.therapist_id`): SqlFilter {
    const clients = this.clientsFilter(viewer, `${alias}.client_id`);
    if (viewer.role !== 'THERAPIST') return clients;
    return { sql: `${clients.sql} AND ${therapistColumn} = :policyViewerId`, params: clients.params };
  }

  /** Reflections: the client's own; a therapist's only while shared with them and the care is active. */
  reflectionsFilter(viewer: Viewer, alias: string): SqlFilter {
    return this.relationshipFilter(viewer, alias, `${alias}.shared_with_id`);
  }

  /**
   * `relationshipFilter` for rows already tied to one care relationship row in the same statement: the
   * caller's SQL must hold `<alias>.client_id = <care>.client_id`, with `care` an alias of
   * `care_relationships`. The same rule, stated on that row rather than as a subquery over every
   * relationship of the viewer: the caseload's statement carried five such subqueries and PostgreSQL spent
   * more time planning their semi-joins than running the whole statement.
   */
  relationshipFilterOn(viewer: Viewer, care: string, therapistColumn: string): SqlFilter {
    if (viewer.role === 'CLIENT') return { sql: `${care}.client_id = :policyViewerId`, params: { policyViewerId: viewer.userId } };
    if (viewer.role !== 'THERAPIST') return NOTHING;
    return {
      sql: `${care}.therapist_id = :policyViewerId AND ${care}.ended_at IS NULL AND ${therapistColumn} = :policyViewerId`,
      params: { policyViewerId: viewer.userId },
    };
  }

  /** `reflectionsFilter` for reflections tied to the care relationship row `care` (see `relationshipFilterOn`). */
  reflectionsFilterOn(viewer: Viewer, care: string, alias: string): SqlFilter {
    return this.relationshipFilterOn(viewer, care, `${alias}.shared_with_id`);
  }

  // ---- single records ------------------------------------------------------------------------------

  /**
   * Inside a transaction, pass its manager: on the embedded database a query on another connection waits
   * for the open transaction to end, so asking through `dataSource` there would never return.
   */
  activeClientIds(viewer: Viewer, manager?: EntityManager): Promise<Set<string>> {
    let ids = this.activeClients.get(viewer);
    if (!ids) {
      ids = viewer.role !== 'THERAPIST' ? Promise.resolve(new Set<string>()) : this.relationships.activeClientIdsOf(viewer.userId, manager);
      this.activeClients.set(viewer, ids);
    }
    return ids;
  }

  /**
   * For a caller that has just read the viewer's active relationships in its own statement (the caseload):
   * the set is the same one `activeClientIds` would read, so this request need not ask again.
   */
  knowActiveClients(viewer: Viewer, clientIds: string[]) {
    if (viewer.role === 'THERAPIST' && !this.activeClients.has(viewer)) this.activeClients.set(viewer, Promise.resolve(new Set(clientIds)));
  }

  /**
   * For a caller whose statement has just read some of the viewer's active relationships (the caseload's page):
   * those clients need no query to be checked in this request; any other is asked about as usual.
   */
  knowSomeActiveClients(viewer: Viewer, clientIds: string[]) {
    if (viewer.role !== 'THERAPIST') return;
    const known = this.someActiveClients.get(viewer) ?? new Set<string>();
    clientIds.forEach((id) => known.add(id));
    this.someActiveClients.set(viewer, known);
  }

  /** May the viewer see this client's clinical records at all? (clientsFilter, for one client) */
  async canSeeClient(viewer: Viewer, clientId: string, manager?: EntityManager): Promise<boolean> {
    if (viewer.role === 'CLIENT') return viewer.userId === clientId;
    if (viewer.role === 'THERAPIST') return this.someActiveClients.get(viewer)?.has(clientId) || (await this.activeClientIds(viewer, manager)).has(clientId);
    return false;
  }

  async canSeeRecord(viewer: Viewer, record: ClinicalRecord, manager?: EntityManager) {
    return this.canSeeClient(viewer, record.clientId, manager);
  }

  /** Was this written inside the viewer's own care relationship? (relationshipFilter, for one record) */
  async canSeeWords(viewer: Viewer, record: RelationshipRecord, manager?: EntityManager) {
    if (viewer.role === 'THERAPIST' && record.therapistId !== viewer.userId) return false;
    return this.canSeeClient(viewer, record.clientId, manager);
  }

  /** Reflections: the client always; a therapist only while it is shared with them and the care is active. (reflectionsFilter) */
  async canSeeReflection(viewer: Viewer, reflection: ClinicalRecord & { sharedWithId: string | null }) {
    if (viewer.role === 'THERAPIST' && reflection.sharedWithId !== viewer.userId) return false;
    return this.canSeeClient(viewer, reflection.clientId);
  }

  /** A session note: only the therapist who wrote it, and only while the client is in their care. */
  async canSeeNote(viewer: Viewer, note: { authorId: string }, session: ClinicalRecord) {
    return viewer.role === 'THERAPIST' && note.authorId === viewer.userId && (await this.canSeeClient(viewer, session.clientId));
  }

  /**
   * Not allowed is answered as not found: the caller learns nothing about records they may not see.
   * The refusal is audited, so someone probing for records shows up in the trail.
   */
  async refuse(viewer: Viewer, targetType: string, targetId: string | null, what = 'That') {
    await this.audit.record({ action: 'access.refused', actor: viewer, targetType, targetId });
    return notFound(what);
  }

  async assertCanSeeClient(viewer: Viewer, clientId: string, what = 'That') {
    if (!(await this.canSeeClient(viewer, clientId))) throw await this.refuse(viewer, 'client', clientId, what);
  }

  /**
   * New things for a client (a session, a practice prompt, a response) need an open account: a client who closed theirs
   * can never see them. Inside the write's transaction, through its manager.
   */
  async assertAccountOpen(manager: EntityManager, clientId: string) {
    if (await this.relationships.clientClosedAt(manager, clientId)) throw conflict('This client closed their account, so nothing new can be arranged with them or sent to them.');
  }

  /** The client's current therapist, or null. */
  async currentTherapistId(clientId: string, manager?: EntityManager): Promise<string | null> {
    const row = await this.relationships.currentOf(clientId, manager);
    return row?.therapistId ?? null;
  }
}
