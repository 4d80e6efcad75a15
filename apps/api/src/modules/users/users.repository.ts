import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/** A new account: the one place a person's name is first written. */
export type NewUser = Pick<UserEntity, 'email' | 'displayName' | 'role' | 'passwordHash'>;

/** What may change on an account after it exists; the name and email are not among them. */
export type UserChanges = Partial<
  Pick<UserEntity, 'passwordHash' | 'mfaSecret' | 'mfaEnabled' | 'mfaPendingSecret' | 'mfaLastStep' | 'deactivatedAt' | 'timeZone' | 'sessionReminderMinutes' | 'measureReminders'>
>;

/** The only place queries of the users table live (other features' repositories join it in their own statements). */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  getById(id: string, manager?: EntityManager) {
    return this.repo(manager).findOneByOrFail({ id });
  }

  /** The person's row, locked until the transaction ends: two changes of their sign-in cannot interleave. */
  lock(manager: EntityManager, id: string) {
    return this.repo(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByEmail(email: string) {
    return this.repo().findOneBy({ email });
  }

  /** Deactivated accounts are not found: signing in and resets treat them as if they did not exist. */
  findActiveByEmail(email: string) {
    return this.repo().findOneBy({ email, deactivatedAt: IsNull() });
  }

  findActive(id: string, manager?: EntityManager) {
    return this.repo(manager).findOneBy({ id, deactivatedAt: IsNull() });
  }

  existsWithEmail(manager: EntityManager, email: string) {
    return this.repo(manager).existsBy({ email });
  }

  async emailOf(id: string) {
    return (await this.repo().findOne({ select: { id: true, email: true }, where: { id } }))?.email ?? '';
  }

  namesOf(ids: readonly string[]) {
    return this.repo().find({ select: { id: true, displayName: true }, where: { id: In([...ids]) } });
  }

  /** The client's chosen reminder time, read in the transaction that plans the reminder. */
  reminderMinutesOf(manager: EntityManager, id: string) {
    return this.repo(manager).findOne({ where: { id }, select: { id: true, sessionReminderMinutes: true } });
  }

  /** A session's client and therapist, with what a reminder to them needs. */
  reminderRecipients(clientId: string, therapistId: string) {
    return this.repo().find({
      where: [{ id: clientId }, { id: therapistId }],
      select: { id: true, email: true, displayName: true, timeZone: true, sessionReminderMinutes: true, deactivatedAt: true, closedAt: true },
    });
  }

  insert(manager: EntityManager, user: NewUser) {
    return manager.save(manager.create(UserEntity, user));
  }

  async update(id: string, changes: UserChanges, manager?: EntityManager) {
    await this.repo(manager).update({ id }, changes);
  }
}
