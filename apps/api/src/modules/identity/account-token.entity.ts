import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@attune/domain';

export type AccountTokenPurpose = 'INVITATION' | 'PASSWORD_RESET';

/** Single-use, expiring links: invitations and password resets. Only the SHA-256 of the secret is stored. */
@Entity('account_tokens')
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('account_tokens_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 20 })
  purpose: AccountTokenPurpose;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** For a reset: whose password. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  /** For an invitation: the account to create. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  role: Role | null;

  @Column({ name: 'display_name', type: 'varchar', length: 100, nullable: true })
  displayName: string | null;

  /** A client invited by a therapist starts in that therapist's care. */
  @Column({ name: 'therapist_id', type: 'uuid', nullable: true })
  therapistId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
