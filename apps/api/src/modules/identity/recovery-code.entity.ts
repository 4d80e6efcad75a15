import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One-time recovery codes for a lost authenticator; stored as SHA-256 (they are long and random). */
@Entity('mfa_recovery_codes')
@Index('mfa_recovery_codes_user_idx', ['userId'])
export class RecoveryCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
