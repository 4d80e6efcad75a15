import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

/** One audit row as written: who, what, whose record, and the request it came in. */
export interface AuditEventRow {
  action: string;
  actorId: string | null;
  actorRole: string | null;
  viaTokenId: string | null;
  targetType: string | null;
  targetId: string | null;
  subjectUserId: string | null;
  metadata: Record<string, unknown>;
}

/** Where the request came from; the same for every row of one insert. */
export interface AuditRequest {
  ip: string | null;
  requestId: string | null;
  clientRequestId: string | null;
}

export interface AuditEventListQuery {
  first: number;
  afterId: string | null;
  userId: string | null;
  from: Date | null;
  to: Date | null;
}

/** The only place audit trail queries live. */
@Injectable()
export class AuditEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Any number of rows in one statement, with arrays unnested on the server: the caseload records a read
   * for every client it shows, and a row-by-row insert cost more than the read itself.
   */
  async insertMany(rows: AuditEventRow[], request: AuditRequest, manager: EntityManager = this.dataSource.manager) {
    const insert = this.insertStatement(rows, request);
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(insert.sql, insert.params);
    await manager.query(sql, parameters);
  }

  /**
   * The same insert as SQL with named parameters, to run inside another statement (a data-modifying WITH).
   * With `forEach` (SQL for a set of rows with a uuid column `subject_id`, such as a WITH query's name), each
   * row is written once per subject, that subject as its target and subject: the statement decides whom.
   */
  insertStatement(rows: AuditEventRow[], request: AuditRequest, forEach: string | null = null): { sql: string; params: Record<string, unknown> } {
    const column = <T>(value: (row: AuditEventRow) => T) => rows.map(value);
    return {
      sql: `INSERT INTO "audit_events" (action, actor_id, actor_role, via_token_id, target_type, target_id, subject_user_id, metadata, ip, request_id, client_request_id)
       SELECT a.action, a.actor_id, a.actor_role, a.via_token_id, a.target_type, ${forEach ? 's.subject_id::varchar, s.subject_id' : 'a.target_id, a.subject_user_id'}, a.metadata,
              :auditIp, :auditRequestId, :auditClientRequestId
         FROM unnest(CAST(:auditAction AS varchar[]), CAST(:auditActorId AS uuid[]), CAST(:auditActorRole AS varchar[]), CAST(:auditViaTokenId AS uuid[]),
                     CAST(:auditTargetType AS varchar[]), CAST(:auditTargetId AS varchar[]), CAST(:auditSubjectUserId AS uuid[]), CAST(:auditMetadata AS jsonb[]))
           AS a(action, actor_id, actor_role, via_token_id, target_type, target_id, subject_user_id, metadata)${forEach ? `\n         CROSS JOIN ${forEach} AS s` : ''}`,
      params: {
        auditAction: column((row) => row.action),
        auditActorId: column((row) => row.actorId),
        auditActorRole: column((row) => row.actorRole),
        auditViaTokenId: column((row) => row.viaTokenId),
        auditTargetType: column((row) => row.targetType),
        auditTargetId: column((row) => row.targetId),
        auditSubjectUserId: column((row) => row.subjectUserId),
        auditMetadata: column((row) => JSON.stringify(row.metadata)),
        auditIp: request.ip,
        auditRequestId: request.requestId,
        auditClientRequestId: request.clientRequestId,
      },
    };
  }

  /**
   * A page of the trail, newest first, with one row more than asked so the caller can tell whether more follow.
   * A person's trail is the page of entries they did and the page of entries that touched their record, each
   * read newest first from its own index and merged: one `OR` over both made PostgreSQL read and sort every
   * entry of the person (a therapist gains ten with each caseload page) to return a page.
   */
  list(query: AuditEventListQuery) {
    const limit = query.first + 1;
    const bounds = (alias: string) =>
      [query.from && `${alias}.occurred_at >= :from`, query.to && `${alias}.occurred_at < :to`, query.afterId && `${alias}.id < :afterId`].filter(Boolean).map((condition) => ` AND ${condition}`).join('');
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where(`TRUE${bounds('e')}`, { from: query.from, to: query.to, afterId: query.afterId })
      .orderBy('e.id', 'DESC')
      .limit(limit);
    if (query.userId) {
      const pageBy = (column: string) => `(SELECT p.id FROM audit_events p WHERE p.${column} = :userId${bounds('p')} ORDER BY p.id DESC LIMIT :limit)`;
      qb.andWhere(`e.id IN (${pageBy('actor_id')} UNION ${pageBy('subject_user_id')})`, { userId: query.userId, limit });
    }
    return qb.getMany();
  }
}
