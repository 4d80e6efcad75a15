import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { notFound } from '../../common/errors';
import { CareRelationshipEntity } from './care-relationship.entity';

/** The parts of a clinical record that decide who may see it. */
export interface ClinicalRecord {
  clientId: string;
}

/**
 * The contract's "who may see what" for clinical data, in one place:
 * - a client sees only their own records;
 * - a therapist sees records of clients in an active care relationship with them, and of their
 *   reflections only those shared with them; a session note only if they wrote it;
 * - an admin sees no clinical records at all.
 * Resolvers ask before every read and write; field resolvers ask again for each clinical field.
 */
@Injectable()
export class CarePolicy {
  /** One query per viewer per request, however many records are checked. */
  private readonly activeClients = new WeakMap<Viewer, Promise<Set<string>>>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inside a transaction, pass its manager: on the embedded database a query on another connection waits
   * for the open transaction to end, so asking through `dataSource` there would never return.
   */
  activeClientIds(viewer: Viewer, manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    let ids = this.activeClients.get(viewer);
    if (!ids) {
      ids = viewer.role !== 'THERAPIST'
        ? Promise.resolve(new Set<string>())
        : manager
            .getRepository(CareRelationshipEntity)
            .find({ select: { clientId: true }, where: { therapistId: viewer.userId, endedAt: IsNull() } })
            .then((rows) => new Set(rows.map((row) => row.clientId)));
      this.activeClients.set(viewer, ids);
    }
    return ids;
  }

  /** May the viewer see this client's clinical records at all? */
  async canSeeClient(viewer: Viewer, clientId: string, manager?: EntityManager): Promise<boolean> {
    if (viewer.role === 'CLIENT') return viewer.userId === clientId;
    if (viewer.role === 'THERAPIST') return (await this.activeClientIds(viewer, manager)).has(clientId);
    return false;
  }

  /** Not allowed is answered as not found: the caller learns nothing about records they may not see. */
  async assertCanSeeClient(viewer: Viewer, clientId: string, what = 'That') {
    if (!(await this.canSeeClient(viewer, clientId))) throw notFound(what);
  }

  async canSeeRecord(viewer: Viewer, record: ClinicalRecord, manager?: EntityManager) {
    return this.canSeeClient(viewer, record.clientId, manager);
  }

  /** Reflections: the client always; a therapist only while it is shared with them and the care is active. */
  async canSeeReflection(viewer: Viewer, reflection: ClinicalRecord & { sharedWithId: string | null }) {
    if (viewer.role === 'CLIENT') return viewer.userId === reflection.clientId;
    return viewer.role === 'THERAPIST' && reflection.sharedWithId === viewer.userId && (await this.canSeeClient(viewer, reflection.clientId));
  }

  /** A session note: only the therapist who wrote it, and only while the client is in their care. */
  async canSeeNote(viewer: Viewer, note: { authorId: string }, session: ClinicalRecord) {
    return viewer.role === 'THERAPIST' && note.authorId === viewer.userId && (await this.canSeeClient(viewer, session.clientId));
  }

  /** The client's current therapist, or null. */
  async currentTherapistId(clientId: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(CareRelationshipEntity).findOneBy({ clientId, endedAt: IsNull() });
    return row?.therapistId ?? null;
  }
}
