import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { AppError } from '../errors';

export interface LimitRule {
  points: number;
  durationSeconds: number;
}

/**
 * Rate limits shared by every API instance through Redis when REDIS_URL is set, and kept in
 * memory otherwise (a single instance). Built on rate-limiter-flexible.
 */
@Injectable()
export class RateLimitService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly redis: Redis | null;
  private readonly prefix: string;
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
    this.prefix = config.REDIS_PREFIX;
  }

  /**
   * Waits (a few seconds at most) for Redis before the first request: until it is connected, limits fall
   * back to this process's memory, and a replica would let through its own full budget.
   */
  async onApplicationBootstrap() {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 5_000);
      function done() {
        clearTimeout(timer);
        redis!.off('ready', done);
        resolve();
      }
      redis.once('ready', done);
    });
  }

  private limiter(name: string, rule: LimitRule): RateLimiterAbstract {
    const key = `${name}:${rule.points}:${rule.durationSeconds}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      const options = { keyPrefix: `${this.prefix}rl:${name}`, points: rule.points, duration: rule.durationSeconds };
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Spends one point; throws RATE_LIMITED with the wait when none are left. */
  async consume(name: string, key: string, rule: LimitRule, message: string) {
    try {
      return await this.limiter(name, rule).consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new AppError('RATE_LIMITED', message, { retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) });
      }
      throw error;
    }
  }

  /** True when the key has no points left, without spending one. */
  async isBlocked(name: string, key: string, rule: LimitRule) {
    const res = await this.limiter(name, rule).get(key);
    return res !== null && res.consumedPoints >= rule.points;
  }

  /** Spends a point without throwing (for counting failures). */
  async penalize(name: string, key: string, rule: LimitRule) {
    await this.limiter(name, rule).penalty(key, 1);
  }

  /** Gives back a point spent with consume (the attempt turned out fine). */
  async refund(name: string, key: string, rule: LimitRule) {
    await this.limiter(name, rule).reward(key, 1);
  }

  async reset(name: string, key: string, rule: LimitRule) {
    await this.limiter(name, rule).delete(key);
  }

  async onModuleDestroy() {
    this.redis?.disconnect();
  }
}
