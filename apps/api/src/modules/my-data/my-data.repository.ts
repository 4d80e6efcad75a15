import { Injectable } from '@nestjs/common';
import { In, MoreThan, type EntityManager } from 'typeorm';
import { CareRelationshipEntity } from '../care/care-relationship.entity';
import { CheckInEntity } from '../checkins/check-in.entity';
import { ArticleEntity } from '../content/article.entity';
import { SharedArticleEntity } from '../content/shared-article.entity';
import { PracticePromptEntity, ReflectionDraftEntity, ReflectionEntity, ReflectionResponseEntity } from '../reflections/reflection.entity';
import { TherapySessionEntity } from '../sessions/therapy-session.entity';
import { MeasureDraftEntity, MeasureResponseEntity } from '../measures/measure.entity';
import { UserEntity } from '../users/user.entity';

/** The only place the queries of a client's own data live: the export, and closing the account. */
@Injectable()
export class MyDataRepository {
  /** The export's transaction only reads: say so, so the database refuses a write by mistake. */
  async readOnly(manager: EntityManager) {
    await manager.query('SET TRANSACTION READ ONLY');
  }

  /** Everything of one client's record that the export shows, oldest first, read through the snapshot's manager. */
  async clientRecord(manager: EntityManager, clientId: string) {
    const user = await manager.getRepository(UserEntity).findOneByOrFail({ id: clientId });
    // One after another: a transaction is one connection, and it answers one statement at a time.
    const care = await manager.getRepository(CareRelationshipEntity).find({ where: { clientId }, order: { startedAt: 'ASC' } });
    const sessions = await manager.getRepository(TherapySessionEntity).find({ where: { clientId }, order: { startsAt: 'ASC', id: 'ASC' } });
    const reflections = await manager.getRepository(ReflectionEntity).find({ where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const draft = await manager.getRepository(ReflectionDraftEntity).findOneBy({ clientId });
    const checkIns = await manager.getRepository(CheckInEntity).find({ where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const measures = await manager.getRepository(MeasureResponseEntity).find({ where: { clientId }, order: { completedAt: 'ASC', id: 'ASC' } });
    const prompts = await manager.getRepository(PracticePromptEntity).find({ where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const sharedArticles = await manager.getRepository(SharedArticleEntity).find({ where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const responses = reflections.length
      ? await manager.getRepository(ReflectionResponseEntity).find({ where: { reflectionId: In(reflections.map((r) => r.id)) }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
    const articles = sharedArticles.length ? await manager.getRepository(ArticleEntity).findBy({ id: In(sharedArticles.map((s) => s.articleId)) }) : [];
    return { user, care, sessions, reflections, draft, checkIns, measures, prompts, sharedArticles, responses, articles };
  }

  /** The names of the people (therapists, mostly) a record mentions, by id. */
  async displayNames(manager: EntityManager, ids: Set<string>) {
    const rows = ids.size ? await manager.getRepository(UserEntity).find({ select: { id: true, displayName: true }, where: { id: In([...ids]) } }) : [];
    return new Map(rows.map((u) => [u.id, u.displayName]));
  }

  // ---- closing an account ------------------------------------------------------------------------

  /** The account, locked so closing it twice at once does the work once. */
  lockUser(manager: EntityManager, userId: string) {
    return manager.getRepository(UserEntity).findOneOrFail({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
  }

  markClosed(manager: EntityManager, user: Pick<UserEntity, 'id' | 'deactivatedAt'>, at: Date) {
    return manager.update(UserEntity, { id: user.id }, { closedAt: at, deactivatedAt: user.deactivatedAt ?? at });
  }

  /**
   * Private reflections nobody else has read. One with a therapist's response was shared once: it is part
   * of the clinical record, like the shared ones, and stays.
   */
  deletePrivateReflections(manager: EntityManager, clientId: string) {
    return manager
      .createQueryBuilder()
      .delete()
      .from(ReflectionEntity)
      .where('client_id = :clientId AND shared_with_id IS NULL', { clientId })
      .andWhere('NOT EXISTS (SELECT 1 FROM reflection_responses rr WHERE rr.reflection_id = reflections.id)')
      .execute();
  }

  deleteReflectionDraft(manager: EntityManager, clientId: string) {
    return manager.delete(ReflectionDraftEntity, { clientId });
  }

  deleteMeasureDrafts(manager: EntityManager, clientId: string) {
    return manager.delete(MeasureDraftEntity, { clientId });
  }

  /** The client's sessions still to come, cancelled in their name with `reason`. */
  cancelUpcomingSessions(manager: EntityManager, clientId: string, now: Date, reason: string) {
    return manager.update(
      TherapySessionEntity,
      { clientId, status: 'SCHEDULED', startsAt: MoreThan(now) },
      { status: 'CANCELLED', cancelledBy: clientId, cancelReason: reason },
    );
  }

  // ---- the retention purge -----------------------------------------------------------------------

  /** Clients who closed their account before `cutoff`, longest closed first. */
  closedBefore(manager: EntityManager, cutoff: Date): Promise<{ id: string; closed_at: Date }[]> {
    return manager.query(`SELECT id, closed_at FROM users WHERE closed_at IS NOT NULL AND closed_at < $1 AND role = 'CLIENT' ORDER BY closed_at`, [cutoff]);
  }

  /** The account, locked, if it is still closed since before `cutoff` (another purge may have removed it). */
  async lockClosedBefore(manager: EntityManager, id: string, cutoff: Date) {
    const [still] = await manager.query(`SELECT id FROM users WHERE id = $1 AND closed_at IS NOT NULL AND closed_at < $2 FOR UPDATE`, [id, cutoff]);
    return Boolean(still);
  }

  /** Every row of the client's record and sign-in, children before parents as the foreign keys ask. Returns how many rows of each kind went. */
  async deleteClientRecord(manager: EntityManager, clientId: string) {
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
}
