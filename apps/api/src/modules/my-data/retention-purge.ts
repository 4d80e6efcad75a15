import type { DataSource, EntityManager } from 'typeorm';
import { AuditEventsRepository } from '../audit/audit-events.repository';
import { AuditService } from '../audit/audit.service';

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
  const expired: { id: string; closed_at: Date }[] = await dataSource.query(
    `SELECT id, closed_at FROM users WHERE closed_at IS NOT NULL AND closed_at < $1 AND role = 'CLIENT' ORDER BY closed_at`,
    [cutoff],
  );
  const audit = new AuditService(new AuditEventsRepository(dataSource));
  let purged = 0;
  for (const row of expired) {
    await dataSource.transaction(async (manager) => {
      // Read again under a lock: another purge may have removed it since the list was read.
      const [still] = await manager.query(`SELECT id FROM users WHERE id = $1 AND closed_at IS NOT NULL AND closed_at < $2 FOR UPDATE`, [row.id, cutoff]);
      if (!still) return;
      purged += 1;
      const removed = await deleteClientRecord(manager, row.id);
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

/** Children before parents, as the foreign keys ask. Returns how many rows of each kind went. */
async function deleteClientRecord(manager: EntityManager, clientId: string) {
  const run = async (sql: string) => {
    // The transaction's own runner: its structured result carries the row count.
    const result = await manager.queryRunner!.query(sql, [clientId], true);
    return result.affected ?? 0;
  };
  const sessionsOf = `SELECT id FROM therapy_sessions WHERE client_id = $1`;
  const addenda = await run(`DELETE FROM session_note_addenda WHERE note_id IN (SELECT id FROM session_notes WHERE session_id IN (${sessionsOf}))`);
  const notes = await run(`DELETE FROM session_notes WHERE session_id IN (${sessionsOf})`);
  const checkIns = await run(`DELETE FROM check_ins WHERE client_id = $1 OR session_id IN (${sessionsOf})`);
  const sessions = await run(`DELETE FROM therapy_sessions WHERE client_id = $1`);
  const responses = await run(`DELETE FROM reflection_responses WHERE reflection_id IN (SELECT id FROM reflections WHERE client_id = $1)`);
  const reflections = await run(`DELETE FROM reflections WHERE client_id = $1`);
  await run(`DELETE FROM reflection_drafts WHERE client_id = $1`);
  const prompts = await run(`DELETE FROM practice_prompts WHERE client_id = $1`);
  await run(`DELETE FROM safety_flags WHERE client_id = $1`);
  const measures = await run(`DELETE FROM measure_responses WHERE client_id = $1`);
  await run(`DELETE FROM measure_drafts WHERE client_id = $1`);
  await run(`DELETE FROM measure_schedules WHERE client_id = $1`);
  const articlesSent = await run(`DELETE FROM shared_articles WHERE client_id = $1`);
  await run(`DELETE FROM care_relationships WHERE client_id = $1`);
  await run(`DELETE FROM auth_sessions WHERE user_id = $1`);
  await run(`DELETE FROM api_tokens WHERE user_id = $1`);
  await run(`DELETE FROM mfa_recovery_codes WHERE user_id = $1`);
  await run(`DELETE FROM account_tokens WHERE user_id = $1 OR email = (SELECT email FROM users WHERE id = $1)`);
  await run(`DELETE FROM outbox_emails WHERE to_address = (SELECT email FROM users WHERE id = $1)`);
  await run(`DELETE FROM users WHERE id = $1`);
  return { sessions, notes: notes + addenda, checkIns, reflections, responses, prompts, articlesSent, measures };
}
