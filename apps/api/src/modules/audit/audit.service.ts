import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
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

  async recordMany(entries: AuditEntry[], manager: EntityManager = this.dataSource.manager) {
    if (entries.length === 0) return;
    const scope = requestScope.getStore();
    await manager.insert(
      AuditEventEntity,
      entries.map((entry) => ({
        action: entry.action,
        actorId: entry.actor?.userId ?? null,
        actorRole: entry.actor?.role ?? null,
        viaTokenId: entry.actor?.tokenId ?? null,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        subjectUserId: entry.subjectUserId ?? null,
        ip: scope?.ip ?? null,
        requestId: scope?.requestId ?? null,
        clientRequestId: scope?.clientRequestId ?? null,
        metadata: entry.metadata ?? {},
      })),
    );
  }
}
