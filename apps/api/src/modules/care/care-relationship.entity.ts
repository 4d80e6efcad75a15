import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * A therapist's care of a client, from `startedAt` until `endedAt`. It alone decides a therapist's reach:
 * when it ends, so does their access. A client has at most one active relationship.
 */
@Entity('care_relationships')
@Index('care_relationships_therapist_active_idx', ['therapistId', 'endedAt'])
@Index('care_relationships_client_idx', ['clientId', 'endedAt'])
/** At most one active relationship per client. */
@Index('care_relationships_one_active_per_client', ['clientId'], { unique: true, where: '"ended_at" IS NULL' })
export class CareRelationshipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'therapist_id', type: 'uuid' })
  therapistId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'therapist_id' })
  therapist?: UserEntity;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: UserEntity;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
