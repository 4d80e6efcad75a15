import { Injectable } from '@nestjs/common';
import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { CareRelationshipEntity } from '../care/care-relationship.entity';
import { CheckInEntity } from '../checkins/check-in.entity';
import { ArticleEntity } from '../content/article.entity';
import { SharedArticleEntity } from '../content/shared-article.entity';
import { PracticePromptEntity, ReflectionDraftEntity, ReflectionEntity, ReflectionResponseEntity } from '../reflections/reflection.entity';
import { TherapySessionEntity } from '../sessions/therapy-session.entity';
import { AccountTokenEntity } from '../identity/account-token.entity';
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

  /** Invitation and reset links not yet used stop working. */
  useUpAccountTokens(manager: EntityManager, userId: string, at: Date) {
    return manager.update(AccountTokenEntity, { userId, usedAt: IsNull() }, { usedAt: at });
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
}
