import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * A client's reflection. Private unless `sharedWithId` names the therapist it is shared with;
 * un-sharing clears it, and the therapist can no longer see it.
 */
@Entity('reflections')
@Index('reflections_client_time_idx', ['clientId', 'createdAt'])
@Index('reflections_shared_idx', ['sharedWithId', 'readByTherapistAt'])
// The caseload's per-client counts: shared lately, and still unread.
@Index('reflections_client_shared_idx', ['clientId', 'sharedWithId', 'sharedAt'])
// A client's reflections shared with a therapist, newest first: the therapist's list on the client record.
@Index('reflections_client_shared_time_idx', ['clientId', 'sharedWithId', 'createdAt', 'id'])
@Index('reflections_client_unread_idx', ['clientId', 'sharedWithId'], { where: '"read_by_therapist_at" IS NULL' })
// `updatedSince`: a client's own changed reflections, those shared with a therapist, and the caseload's.
@Index('reflections_client_updated_idx', ['clientId', 'updatedAt'])
@Index('reflections_shared_updated_idx', ['sharedWithId', 'updatedAt'])
export class ReflectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: UserEntity;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'smallint', nullable: true })
  mood: number | null;

  @Column({ name: 'shared_with_id', type: 'uuid', nullable: true })
  sharedWithId: string | null;

  @Column({ name: 'shared_at', type: 'timestamptz', nullable: true })
  sharedAt: Date | null;

  @Column({ name: 'read_by_therapist_at', type: 'timestamptz', nullable: true })
  readByTherapistAt: Date | null;

  /** When the client last took it back (cleared when shared again): the caseload's counts changed then. */
  @Column({ name: 'unshared_at', type: 'timestamptz', nullable: true })
  unsharedAt: Date | null;

  /** The practice prompt this answers, if any. */
  @Column({ name: 'prompt_id', type: 'uuid', nullable: true })
  promptId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A therapist's response to a shared reflection. It stays with the client even if they stop sharing. */
@Entity('reflection_responses')
@Index('reflection_responses_reflection_idx', ['reflectionId', 'createdAt'])
export class ReflectionResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'reflection_id', type: 'uuid' })
  reflectionId: string;

  @ManyToOne(() => ReflectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reflection_id' })
  reflection?: ReflectionEntity;

  @Column({ name: 'therapist_id', type: 'uuid' })
  therapistId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'read_by_client_at', type: 'timestamptz', nullable: true })
  readByClientAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The half-written reflection, saved as the client types, so nothing is lost on a reload. */
@Entity('reflection_drafts')
export class ReflectionDraftEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('reflection_drafts_client_key', { unique: true })
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'smallint', nullable: true })
  mood: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Something to practise between sessions, set by the therapist for one client. */
@Entity('practice_prompts')
@Index('practice_prompts_client_idx', ['clientId', 'createdAt'])
export class PracticePromptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: UserEntity;

  @Column({ name: 'therapist_id', type: 'uuid' })
  therapistId: string;

  @Column({ type: 'varchar', length: 1000 })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
