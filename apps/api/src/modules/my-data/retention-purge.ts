import type { DataSource } from 'typeorm';
import { AuditEventsRepository } from '../audit/audit-events.repository';
import { AuditService } from '../audit/audit.service';
import { MyDataRepository } from './my-data.repository';

export interface PurgeResult {
  purged: number;
}

/** A closed account's record is kept until `closedAt + retentionYears`; calendar years, so leap days count. */
export function retentionCutoff(now: Date, retentionYears: number) {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - retentionYears);
  return cutoff;
}

/**
 * Removes the records of clients who closed their account more than `retentionYears` ago: their clinical rows
 * (sessions, notes, check-ins, reflections and responses, prompts, articles sent) and their personal details
 * (the user row and everything that signs them in), measures and safety flags included. Each person in one transaction with an audit row that
 * says a record was purged (ids and counts only). The audit trail itself stays: it is append-only.
 */
export async function purgeExpiredRecords(dataSource: DataSource, options: { retentionYears: number; now?: Date }): Promise<PurgeResult> {
  const cutoff = retentionCutoff(options.now ?? new Date(), options.retentionYears);
  const records = new MyDataRepository();
  const expired = await records.closedBefore(dataSource.manager, cutoff);
  const audit = new AuditService(new AuditEventsRepository(dataSource));
  let purged = 0;
  for (const row of expired) {
    await dataSource.transaction(async (manager) => {
      // Read again under a lock: another purge may have removed it since the list was read.
      if (!(await records.lockClosedBefore(manager, row.id, cutoff))) return;
      purged += 1;
      const removed = await records.deleteClientRecord(manager, row.id);
      await audit.record(
        {
          action: 'account.record_purged',
          targetType: 'user',
          targetId: row.id,
          subjectUserId: row.id,
          metadata: { closedAt: new Date(row.closed_at).toISOString(), retentionYears: options.retentionYears, ...removed },
        },
        manager,
      );
    });
  }
  // Only what this run removed: a purge running beside it on another replica counts its own.
  return { purged };
}
