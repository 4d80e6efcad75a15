import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit trail: who did what to which record, when, from where, under which request.
 * Append-only (a trigger refuses UPDATE and DELETE). Metadata only: never clinical text.
 */
@Entity('audit_events')
// A person's trail, newest first: what they did, and what touched their record (audit-events.repository.ts).
@Index('audit_events_actor_idx', ['actorId', 'id'])
@Index('audit_events_subject_idx', ['subjectUserId', 'id'])
@Index('audit_events_time_idx', ['occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  @Column({ name: 'via_token_id', type: 'uuid', nullable: true })
  viaTokenId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  /** Whose clinical record this touched, so "everything that touched my record" is one index scan. */
  @Column({ name: 'subject_user_id', type: 'uuid', nullable: true })
  subjectUserId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  /** The server's own id for the request (also in its logs and error references). */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  /** What the caller sent as x-request-id, if anything: theirs to correlate, never trusted as ours. */
  @Column({ name: 'client_request_id', type: 'varchar', length: 64, nullable: true })
  clientRequestId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Record<string, string | number | boolean | null>;
}
