import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TherapySessionEntity } from '../sessions/therapy-session.entity';

/** The client's alliance check-in for one completed session; one per session. */
@Entity('check_ins')
@Index('check_ins_client_time_idx', ['clientId', 'createdAt'])
// The caseload's last check-ins within one care relationship.
@Index('check_ins_care_idx', ['clientId', 'therapistId', 'createdAt'])
// `updatedSince` on the check-ins list and the caseload.
@Index('check_ins_client_updated_idx', ['clientId', 'updatedAt'])
@Check('check_ins_scores_range', '"bond" BETWEEN 0 AND 10 AND "goals" BETWEEN 0 AND 10 AND "approach" BETWEEN 0 AND 10 AND "overall" BETWEEN 0 AND 10')
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('check_ins_session_key', { unique: true })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => TherapySessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: TherapySessionEntity;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'therapist_id', type: 'uuid' })
  therapistId: string;

  @Column({ type: 'smallint' })
  bond: number;

  @Column({ type: 'smallint' })
  goals: number;

  @Column({ type: 'smallint' })
  approach: number;

  @Column({ type: 'smallint' })
  overall: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** Why this check-in needs attention (low or falling), in words; empty when it does not. */
  @Column({ name: 'concern_reasons', type: 'text', array: true, default: () => "'{}'" })
  concernReasons: string[];

  /** The repair loop: the therapist read it and will talk about it next time. Closes the flag. */
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Moves with every change (acknowledging), for `updatedSince`. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
