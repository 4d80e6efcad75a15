import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { FormattedExecutionResult } from 'graphql';
import { DataSource, type QueryRunner } from 'typeorm';
import { AppLoggerToken } from '../../common/logger.module';
import type { AppLogger } from '../../common/logger';
import { requestScope } from '../../common/request-context';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { joinRequestTransactions } from './request-transaction';

/** How long an answer is kept for retries (Stripe keeps them 24 hours too). */
export const IDEMPOTENCY_KEY_LIFETIME_HOURS = 24;
/** How long a request waits for another one holding the same key before it gets CONFLICT. */
const WAIT_FOR_HOLDER = '10s';
/** Faults of this moment, not of the request: the work is rolled back (its transaction may be broken), and a retry runs it again. */
const FAULT_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);
/** "Not now": what was written (the audit of the refusal) is kept, the answer is not, so a retry after the wait runs. */
const NOT_NOW_CODES = new Set(['RATE_LIMITED']);
const CLEAN_EVERY_MS = 60 * 60 * 1000;

export type StoredAnswer = { response: FormattedExecutionResult; httpStatus: number | null };

export type ClaimOutcome =
  | { kind: 'claimed'; claim: IdempotencyClaim }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'reused' }
  | { kind: 'inProgress' };

const isLockTimeout = (error: unknown) => {
  const failure = error as { code?: string; driverError?: { code?: string } } | null;
  return failure?.code === '55P03' || failure?.driverError?.code === '55P03';
};

/**
 * A key this request holds: a transaction is open on a connection of its own, with the key's row inserted
 * (other requests with the key wait on that row), and every query of the request joins it. `finish`
 * stores the answer and commits it with the mutation's writes, or rolls everything back.
 */
export class IdempotencyClaim {
  private open = true;

  constructor(
    private readonly runner: QueryRunner,
    private readonly keys: IdempotencyKeysRepository,
    private readonly principal: string,
    private readonly key: string,
  ) {
    const scope = requestScope.getStore();
    if (scope) scope.transaction = runner.manager;
  }

  /**
   * Commits the work with its answer. 'rolledBack' when the answer carries a fault and nothing was kept;
   * 'committedWithoutAnswer' when it says "not now" (RATE_LIMITED) and the key stays free for a retry.
   */
  async finish(response: FormattedExecutionResult, httpStatus: number | undefined): Promise<'kept' | 'committedWithoutAnswer' | 'rolledBack'> {
    const codes = new Set((response.errors ?? []).map((error) => String(error.extensions?.code)));
    if ([...codes].some((code) => FAULT_CODES.has(code))) {
      await this.abandon();
      return 'rolledBack';
    }
    const keep = ![...codes].some((code) => NOT_NOW_CODES.has(code));
    this.detach();
    try {
      if (keep) {
        await this.keys.storeAnswer(this.runner, this.principal, this.key, response, httpStatus ?? null);
      } else {
        await this.keys.deleteKey(this.runner, this.principal, this.key);
      }
      await this.runner.commitTransaction();
      return keep ? 'kept' : 'committedWithoutAnswer';
    } catch (error) {
      await this.abandon();
      throw error;
    } finally {
      await this.release();
    }
  }

  /** Rolls back the work and frees the key (a request that ended without an answer to keep). */
  async abandon() {
    this.detach();
    if (this.runner.isTransactionActive) await this.runner.rollbackTransaction().catch(() => undefined);
    await this.release();
  }

  private detach() {
    const scope = requestScope.getStore();
    if (scope?.transaction === this.runner.manager) scope.transaction = undefined;
  }

  private async release() {
    if (!this.open) return;
    this.open = false;
    await this.runner.release();
  }
}

@Injectable()
export class IdempotencyKeysService implements OnApplicationBootstrap, OnApplicationShutdown {
  private cleaner: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyKeysRepository,
    @Inject(AppLoggerToken) private readonly logger: AppLogger,
  ) {
    joinRequestTransactions(dataSource);
  }

  /**
   * Claims `key` for `principal`, or says what happened to it: the answer to replay, a different request
   * under the same key, or a holder still at work after the wait.
   */
  async claim(principal: string, key: string, requestHash: string): Promise<ClaimOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await this.keys.waitForHolderUpTo(runner, WAIT_FOR_HOLDER);
      await this.keys.deleteExpiredKey(runner, principal, key);
      // A concurrent holder's uncommitted row makes this insert wait until that holder commits or rolls back.
      if (await this.keys.insertKey(runner, principal, key, requestHash, IDEMPOTENCY_KEY_LIFETIME_HOURS)) {
        return { kind: 'claimed', claim: new IdempotencyClaim(runner, this.keys, principal, key) };
      }
      const row = await this.keys.stored(runner, principal, key);
      await runner.rollbackTransaction();
      await runner.release();
      if (!row || row.response === null) return { kind: 'inProgress' };
      if (row.request_hash !== requestHash) return { kind: 'reused' };
      return { kind: 'replay', answer: { response: row.response, httpStatus: row.http_status } };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (!runner.isReleased) await runner.release();
      if (isLockTimeout(error)) return { kind: 'inProgress' };
      throw error;
    }
  }

  /** Deletes answers past their 24 hours. */
  async deleteExpired(): Promise<number> {
    return this.keys.deleteExpired();
  }

  onApplicationBootstrap() {
    this.cleaner = setInterval(() => {
      this.deleteExpired().catch((error: unknown) =>
        this.logger.warn({ err: { name: error instanceof Error ? error.name : typeof error } }, 'Could not delete expired idempotency keys'),
      );
    }, CLEAN_EVERY_MS);
    this.cleaner.unref();
  }

  onApplicationShutdown() {
    if (this.cleaner) clearInterval(this.cleaner);
  }
}
