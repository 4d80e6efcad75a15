import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { parseAfter } from '../../common/pagination';
import { requestScope } from '../../common/request-context';
import { AuditEventsRepository, type AuditEventRow, type AuditRequest } from './audit-events.repository';

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

const toRow = (entry: AuditEntry): AuditEventRow => ({
  action: entry.action,
  actorId: entry.actor?.userId ?? null,
  actorRole: entry.actor?.role ?? null,
  viaTokenId: entry.actor?.tokenId ?? null,
  targetType: entry.targetType ?? null,
  targetId: entry.targetId ?? null,
  subjectUserId: entry.subjectUserId ?? null,
  metadata: entry.metadata ?? {},
});

function currentRequest(): AuditRequest {
  const scope = requestScope.getStore();
  return { ip: scope?.ip ?? null, requestId: scope?.requestId ?? null, clientRequestId: scope?.clientRequestId ?? null };
}

@Injectable()
export class AuditService {
  constructor(private readonly events: AuditEventsRepository) {}

  /** Records an entry; pass the transaction's manager so a write and its audit entry commit together. */
  record(entry: AuditEntry, manager?: EntityManager) {
    return this.recordMany([entry], manager);
  }

  /**
   * One statement for any number of entries. Without a manager, during a query, the entries join the
   * query's batch: one statement when it ends.
   */
  async recordMany(entries: AuditEntry[], manager?: EntityManager) {
    if (entries.length === 0) return;
    const scope = requestScope.getStore();
    if (!manager && scope?.auditBatch?.add(entries, (batched) => this.insert(batched as AuditEntry[]))) return;
    await this.insert(entries, manager);
  }

  private insert(entries: AuditEntry[], manager?: EntityManager) {
    return this.events.insertMany(entries.map(toRow), currentRequest(), manager);
  }

  /**
   * The insert `recordMany` runs, as SQL with named parameters to run inside another statement, as a
   * data-modifying `WITH`: the read and its audit rows then travel in one round trip and commit together,
   * before the answer is sent. `entry` is written once for each row of `subjects` (SQL for rows with a uuid
   * column `subject_id`: the records the statement really read), each its target and subject.
   */
  insertForEachStatement(entry: Omit<AuditEntry, 'targetId' | 'subjectUserId'>, subjects: string) {
    return this.events.insertStatement([toRow(entry)], currentRequest(), subjects);
  }

  /** A page of the trail, newest first, with one row more than asked so the caller can tell whether more follow. */
  listEvents({ first, after, userId, from, to }: { first: number; after: string | null | undefined; userId: string | null; from: Date | null; to: Date | null }) {
    const cursor = parseAfter(after, ['serial']);
    return this.events.list({ first, afterId: cursor?.[0] ?? null, userId, from, to });
  }
}
