import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@attune/domain';
import type { Preferences } from '../../common/auth/viewer';
import { sealedColumn } from '../../common/crypto/secret-box';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased by the domain schema, so a plain unique index is enough. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  /** Where the name sorts (`nameSortKey` of the display name), kept by `UserNameSortKeySubscriber` whenever the name is written. */
  @Column({ name: 'name_sort_key', type: 'text', collation: 'C', select: false })
  nameSortKey: string;

  @Index('users_role_idx')
  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** Null until an invitation is accepted. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** Encrypted at rest with APP_SECRET (AES-256-GCM); plain in the entity. */
  @Column({ name: 'mfa_secret', type: 'text', nullable: true, transformer: sealedColumn })
  mfaSecret: string | null;

  @Column({ name: 'mfa_enabled', type: 'boolean', default: false })
  mfaEnabled: boolean;

  /** A secret being set up, not yet confirmed with a code. */
  @Column({ name: 'mfa_pending_secret', type: 'text', nullable: true, transformer: sealedColumn })
  mfaPendingSecret: string | null;

  /** The last TOTP time step accepted, so a code works once. */
  @Column({ name: 'mfa_last_step', type: 'bigint', nullable: true })
  mfaLastStep: string | null;

  /** A deactivated account cannot sign in; its history stays. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** Set when a client closes their own account (it is deactivated too); the record is purged RETENTION_YEARS later. */
  @Index('users_closed_at_idx', { where: '"closed_at" IS NOT NULL' })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** An IANA zone the person chose; null until they do (the portal uses the browser's, emails the practice's). */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  /** How long before a session the reminder email goes; null means no session reminders. */
  @Column({ name: 'session_reminder_minutes', type: 'integer', nullable: true, default: 1440 })
  sessionReminderMinutes: number | null;

  /** Whether an email says a measure is due. */
  @Column({ name: 'measure_reminders', type: 'boolean', default: true })
  measureReminders: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const preferencesOf = (user: Pick<UserEntity, 'timeZone' | 'sessionReminderMinutes' | 'measureReminders'>): Preferences => ({
  timeZone: user.timeZone,
  sessionReminderMinutes: user.sessionReminderMinutes,
  measureReminders: user.measureReminders,
});
