import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A mutation's answer kept under the Idempotency-Key its caller sent, so a retry gets the same answer
 * instead of doing the work again. The row is written in the mutation's own transaction. The answer may
 * hold clinical text (a reflection just written): it lives beside that text, and only for 24 hours.
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_expiry_idx', ['expiresAt'])
export class IdempotencyKeyEntity {
  /** Whose key: `user:<id>` for a person signed in, `token:<id>` for an API token. */
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'idempotency_keys_pkey' })
  principal: string;

  @PrimaryColumn({ type: 'varchar', length: 255, primaryKeyConstraintName: 'idempotency_keys_pkey' })
  key: string;

  /** SHA-256 of the operation and its variables: the same key with another request is refused. */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ name: 'http_status', type: 'smallint', nullable: true })
  httpStatus: number | null;

  /** The GraphQL response as first sent (`data` and `errors`). */
  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
