import type { MeasureKind, MeasureSchedule } from '@attune/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** How often a client is asked to fill in one measure, set by their therapist. One row per client and measure. */
@Entity('measure_schedules')
export class MeasureScheduleEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid', primaryKeyConstraintName: 'measure_schedules_pkey' })
  clientId: string;

  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'measure_schedules_pkey' })
  kind: MeasureKind;

  @Column({ type: 'varchar', length: 24 })
  schedule: MeasureSchedule;

  @Column({ name: 'set_by_id', type: 'uuid' })
  setById: string;

  @UpdateDateColumn({ name: 'set_at', type: 'timestamptz' })
  setAt: Date;
}

/**
 * One completed PHQ-9 or GAD-7: the answers as given (0–3 per item, in the instrument's order), the total and
 * band worked out when it was saved, and the therapist whose care it was filled in under (the hand-over rule).
 */
@Entity('measure_responses')
@Index('measure_responses_client_kind_time_idx', ['clientId', 'kind', 'completedAt'])
// The caseload's first and latest total per measure within one care relationship, in (time, id) order.
@Index('measure_responses_care_idx', ['clientId', 'therapistId', 'kind', 'completedAt', 'id'])
// The record's lists, newest first: the therapist's (within the relationship) and the client's own.
@Index('measure_responses_care_time_idx', ['clientId', 'therapistId', 'completedAt', 'id'])
@Index('measure_responses_client_time_idx', ['clientId', 'completedAt', 'id'])
@Check('measure_responses_total_range', '"total" BETWEEN 0 AND 27')
export class MeasureResponseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'measure_responses_pkey' })
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  /** The client's therapist when it was filled in; null when they had none. */
  @Column({ name: 'therapist_id', type: 'uuid', nullable: true })
  therapistId: string | null;

  @Column({ type: 'varchar', length: 8 })
  kind: MeasureKind;

  @Column({ type: 'smallint', array: true })
  answers: number[];

  @Column({ type: 'smallint' })
  total: number;

  @Column({ type: 'varchar', length: 24 })
  band: string;

  @Column({ name: 'safety_concern', type: 'boolean' })
  safetyConcern: boolean;

  @CreateDateColumn({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;
}

/** A measure filled in part of the way, kept so the client can come back to it. One per client and measure. */
@Entity('measure_drafts')
export class MeasureDraftEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid', primaryKeyConstraintName: 'measure_drafts_pkey' })
  clientId: string;

  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'measure_drafts_pkey' })
  kind: MeasureKind;

  /** null where an item has no answer yet. */
  @Column({ type: 'jsonb' })
  answers: (number | null)[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * Raised when an answer signals risk (PHQ-9 item 9 above 0). It stays at the top of the therapist's caseload
 * until they acknowledge it with a note of what they did.
 */
@Entity('safety_flags')
@Index('safety_flags_open_idx', ['therapistId', 'raisedAt'], { where: '"acknowledged_at" IS NULL' })
export class SafetyFlagEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'safety_flags_pkey' })
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  /** Whose attention it needs: the client's therapist when it was raised; null when they had none. */
  @Column({ name: 'therapist_id', type: 'uuid', nullable: true })
  therapistId: string | null;

  @Index('safety_flags_response_key', { unique: true })
  @Column({ name: 'response_id', type: 'uuid' })
  responseId: string;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by_id', type: 'uuid', nullable: true })
  acknowledgedById: string | null;

  /** What the therapist did, in their words: clinical text, never logged. */
  @Column({ name: 'acknowledgement_note', type: 'text', nullable: true })
  acknowledgementNote: string | null;
}
