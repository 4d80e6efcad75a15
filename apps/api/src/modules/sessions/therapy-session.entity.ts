import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import type { SessionModality, SessionStatus } from '@attune/domain';

/** A therapy session between a therapist and a client. Times are stored in UTC. */
@Entity('therapy_sessions')
@Index('therapy_sessions_therapist_time_idx', ['therapistId', 'startsAt'])
@Index('therapy_sessions_client_time_idx', ['clientId', 'startsAt'])
// A client's next scheduled session, priced the same however long the history (migration 1796600000440).
@Index('therapy_sessions_client_scheduled_idx', ['clientId', 'startsAt'], { where: `"status" = 'SCHEDULED'` })
// `updatedSince`: a client's or a therapist's changed sessions, and the caseload's.
@Index('therapy_sessions_client_updated_idx', ['clientId', 'updatedAt'])
@Index('therapy_sessions_therapist_updated_idx', ['therapistId', 'updatedAt'])
export class TherapySessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: UserEntity;

  @Column({ name: 'therapist_id', type: 'uuid' })
  therapistId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'therapist_id' })
  therapist?: UserEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 16 })
  modality: SessionModality;

  @Column({ type: 'varchar', length: 16, default: 'SCHEDULED' })
  status: SessionStatus;

  /** Where to go or how to join, as the therapist wrote it. */
  @Column({ name: 'join_details', type: 'varchar', length: 500, nullable: true })
  joinDetails: string | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  /** What the client would like to talk about: written before the session, read by the therapist. */
  @Column({ type: 'text', nullable: true })
  agenda: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
