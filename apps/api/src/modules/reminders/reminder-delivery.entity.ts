import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** A reminder email that has gone out, keyed by what it reminded of, so it goes out once (see the migration). */
@Entity('reminder_deliveries')
@Index('reminder_deliveries_user_idx', ['userId'])
export class ReminderDeliveryEntity {
  /** `session:<id>@<startsAt>` or `measure:<clientId>:<kind>:<period>`. */
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'PK_reminder_deliveries' })
  key: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_reminder_deliveries_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  kind: 'SESSION' | 'MEASURE';

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
