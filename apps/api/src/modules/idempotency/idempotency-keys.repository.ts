import { Injectable } from '@nestjs/common';
import type { FormattedExecutionResult } from 'graphql';
import { DataSource, type QueryRunner } from 'typeorm';

/**
 * The only place idempotency key queries live. A claim holds its own connection and transaction (the
 * runner), so each of its statements takes the runner; only the hourly clean-up uses the pool.
 */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** How long the claim's statements wait for another holder's row (a PostgreSQL interval, e.g. '10s'). */
  async waitForHolderUpTo(runner: QueryRunner, interval: string) {
    await runner.query(`SET LOCAL lock_timeout = '${interval}'`);
  }

  async deleteExpiredKey(runner: QueryRunner, principal: string, key: string) {
    await runner.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND expires_at <= now()`, [principal, key]);
  }

  /** True when this call inserted the key; a concurrent holder's uncommitted row makes it wait until that holder ends. */
  async insertKey(runner: QueryRunner, principal: string, key: string, requestHash: string, lifetimeHours: number) {
    const inserted = (await runner.query(
      `INSERT INTO idempotency_keys (principal, key, request_hash, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(hours => $4))
         ON CONFLICT (principal, key) DO NOTHING RETURNING key`,
      [principal, key, requestHash, lifetimeHours],
    )) as unknown[];
    return inserted.length > 0;
  }

  async stored(runner: QueryRunner, principal: string, key: string) {
    const [row] = (await runner.query(`SELECT request_hash, http_status, response FROM idempotency_keys WHERE principal = $1 AND key = $2`, [
      principal,
      key,
    ])) as { request_hash: string; http_status: number | null; response: FormattedExecutionResult | null }[];
    return row ?? null;
  }

  async storeAnswer(runner: QueryRunner, principal: string, key: string, response: FormattedExecutionResult, httpStatus: number | null) {
    await runner.query(`UPDATE idempotency_keys SET response = $3, http_status = $4 WHERE principal = $1 AND key = $2`, [principal, key, JSON.stringify(response), httpStatus]);
  }

  async deleteKey(runner: QueryRunner, principal: string, key: string) {
    await runner.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2`, [principal, key]);
  }

  /** Deletes answers past their lifetime; returns how many. */
  async deleteExpired(): Promise<number> {
    const [, deleted] = (await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expires_at <= now()`)) as [unknown, number];
    return deleted;
  }
}
