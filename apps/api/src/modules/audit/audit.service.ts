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
    const insert = this.insertStatement(entries);
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(insert.sql, insert.params);
    await manager.query(sql, parameters);
  }

  /**
   * The insert `recordMany` runs, as SQL with named parameters (`:auditAction`, …) to run inside another
   * statement, as a data-modifying `WITH`: the read and its audit rows then travel in one round trip and
   * commit together, before the answer is sent. `where` (over `a`, the entry: `a.subject_user_id`, `a.target_id`)
   * keeps only the entries of rows the statement really read.
   */
  insertStatement(entries: AuditEntry[], where = 'TRUE'): { sql: string; params: Record<string, unknown> } {
    const scope = requestScope.getStore();
    const column = <T>(value: (entry: AuditEntry) => T) => entries.map(value);
    return {
      sql: `INSERT INTO "audit_events" (action, actor_id, actor_role, via_token_id, target_type, target_id, subject_user_id, metadata, ip, request_id, client_request_id)
       SELECT a.action, a.actor_id, a.actor_role, a.via_token_id, a.target_type, a.target_id, a.subject_user_id, a.metadata, :auditIp, :auditRequestId, :auditClientRequestId
         FROM unnest(CAST(:auditAction AS varchar[]), CAST(:auditActorId AS uuid[]), CAST(:auditActorRole AS varchar[]), CAST(:auditViaTokenId AS uuid[]),
                     CAST(:auditTargetType AS varchar[]), CAST(:auditTargetId AS varchar[]), CAST(:auditSubjectUserId AS uuid[]), CAST(:auditMetadata AS jsonb[]))
           AS a(action, actor_id, actor_role, via_token_id, target_type, target_id, subject_user_id, metadata)
        WHERE ${where}`,
      params: {
        auditAction: column((entry) => entry.action),
        auditActorId: column((entry) => entry.actor?.userId ?? null),
        auditActorRole: column((entry) => entry.actor?.role ?? null),
        auditViaTokenId: column((entry) => entry.actor?.tokenId ?? null),
        auditTargetType: column((entry) => entry.targetType ?? null),
        auditTargetId: column((entry) => entry.targetId ?? null),
        auditSubjectUserId: column((entry) => entry.subjectUserId ?? null),
        auditMetadata: column((entry) => JSON.stringify(entry.metadata ?? {})),
        auditIp: scope?.ip ?? null,
        auditRequestId: scope?.requestId ?? null,
        auditClientRequestId: scope?.clientRequestId ?? null,
      },
    };
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
