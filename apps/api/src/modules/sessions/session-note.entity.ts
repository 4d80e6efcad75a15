import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TherapySessionEntity } from './therapy-session.entity';

/** The therapist's private note on a session: only its author reads it. Signed notes are locked. */
@Entity('session_notes')
export class SessionNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('session_notes_session_key', { unique: true })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => TherapySessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: TherapySessionEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A dated addition to a signed note: the note itself never changes after signing. */
@Entity('session_note_addenda')
@Index('session_note_addenda_note_idx', ['noteId', 'createdAt'])
export class SessionNoteAddendumEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'note_id', type: 'uuid' })
  noteId: string;

  @ManyToOne(() => SessionNoteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'note_id' })
  note?: SessionNoteEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
