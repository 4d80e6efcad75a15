import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Email written while no SMTP server is configured: the development outbox. */
@Entity('outbox_emails')
@Index('outbox_emails_time_idx', ['createdAt'])
export class OutboxEmailEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  to: string;

  /** The sender it was given, when not the default MAIL_FROM (reminders carry the practice's name). */
  @Column({ name: 'from_address', type: 'varchar', length: 320, nullable: true })
  from: string | null;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
