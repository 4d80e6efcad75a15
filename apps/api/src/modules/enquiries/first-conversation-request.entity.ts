import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

export type ContactPreference = 'EMAIL' | 'PHONE';
export type FirstConversationRequestStatus = 'NEW' | 'HANDLED';

/**
 * Someone asking for a first conversation, from the public site. It may say why they are reaching out,
 * so only admins read it, and the email telling them about it carries none of it.
 */
@Entity('first_conversation_requests')
@Index('first_conversation_requests_status_idx', ['status', 'createdAt'])
export class FirstConversationRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ name: 'preferred_contact', type: 'varchar', length: 8 })
  preferredContact: ContactPreference;

  /** The therapist they would like to talk to, if they named one. */
  @Column({ name: 'therapist_id', type: 'uuid', nullable: true })
  therapistId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'therapist_id' })
  therapist?: UserEntity | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'varchar', length: 16, default: 'NEW' })
  status: FirstConversationRequestStatus;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @Column({ name: 'handled_by_id', type: 'uuid', nullable: true })
  handledById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'handled_by_id' })
  handledBy?: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
