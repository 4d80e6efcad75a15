import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { parseAfter } from '../../common/pagination';
import { requestScope } from '../../common/request-context';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  actor?: Pick<Viewer, 'userId' | 'role' | 'tokenId'> | null;
  targetType?: string;
  targetId?: string | null;
  /** Whose clinical record this touched. */
  subjectUserId?: string | null;
  /** Ids, counts and flags only: never clinical text. */
  metadata?: Record<string, string | number | boolean | null>;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an entry; pass the transaction's manager so a write and its audit entry commit together. */
  record(entry: AuditEntry, manager?: EntityManager) {
    return this.recordMany([entry], manager);
  }

  /**
   * One statement for any number of entries, with arrays unnested on the server: the caseload records a
   * read for every client it shows, and building a row-by-row insert cost more than the read itself.
   * Without a manager, during a query, the entries join the query's batch: one statement when it ends.
   */
  async recordMany(entries: AuditEntry[], manager?: EntityManager) {
    if (entries.length === 0) return;
    const scope = requestScope.getStore();
    if (!manager && scope?.auditBatch?.add(entries, (batched) => this.insert(batched as AuditEntry[], this.dataSource.manager))) return;
    await this.insert(entries, manager ?? this.dataSource.manager);
  }

  private async insert(entries: AuditEntry[], manager: EntityManager) {
    const scope = requestScope.getStore();
    const column = <T>(value: (entry: AuditEntry) => T) => entries.map(value);
    await manager.query(
      `INSERT INTO "audit_events" (action, actor_id, actor_role, via_token_id, target_type, target_id, subject_user_id, metadata, ip, request_id, client_request_id)
       SELECT a.*, $9, $10, $11
         FROM unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::uuid[], $5::varchar[], $6::varchar[], $7::uuid[], $8::jsonb[]) AS a`,
      [
        column((entry) => entry.action),
        column((entry) => entry.actor?.userId ?? null),
        column((entry) => entry.actor?.role ?? null),
        column((entry) => entry.actor?.tokenId ?? null),
        column((entry) => entry.targetType ?? null),
        column((entry) => entry.targetId ?? null),
        column((entry) => entry.subjectUserId ?? null),
        column((entry) => JSON.stringify(entry.metadata ?? {})),
        scope?.ip ?? null,
        scope?.requestId ?? null,
        scope?.clientRequestId ?? null,
      ],
    );
  }

  /** A page of the trail, newest first, with one row more than asked so the caller can tell whether more follow. */
  listEvents({ first, after, userId, from, to }: { first: number; after: string | null | undefined; userId: string | null; from: Date | null; to: Date | null }) {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e').orderBy('e.id', 'DESC').limit(first + 1);
    if (userId) qb.andWhere('(e.actor_id = :userId OR e.subject_user_id = :userId)', { userId });
    if (from) qb.andWhere('e.occurred_at >= :from', { from });
    if (to) qb.andWhere('e.occurred_at < :to', { to });
    const cursor = parseAfter(after, ['serial']);
    if (cursor) qb.andWhere('e.id < :id', { id: cursor[0] });
    return qb.getMany();
  }
}
