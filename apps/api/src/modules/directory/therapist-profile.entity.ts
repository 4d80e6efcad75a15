import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** What a therapist tells the public about themselves: shown in the directory only once published. */
@Entity('therapist_profiles')
@Index('therapist_profiles_directory_idx', ['published', 'displayName'])
export class TherapistProfileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('therapist_profiles_user_key', { unique: true })
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Index('therapist_profiles_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  pronouns: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  credentials: string | null;

  /** The therapist's approach, in their own words (plain text, paragraphs split by blank lines). */
  @Column({ type: 'text' })
  approach: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  specialties: string[];

  @Column({ name: 'accepting_new_clients', type: 'boolean', default: false })
  acceptingNewClients: boolean;

  @Column({ type: 'boolean', default: false })
  published: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
