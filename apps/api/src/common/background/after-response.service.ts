import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppLoggerToken } from '../logger.module';
import type { AppLogger } from '../logger';
import { requestScope } from '../request-context';

/**
 * Work that must not shape the answer a caller gets, run once the answer is on its way: for example the
 * reset email, whose lookup and sending would otherwise make a known address slower than an unknown one.
 * Failures are logged by name only (never the content: addresses, links). Shutdown waits for what is queued.
 */
@Injectable()
export class AfterResponse implements OnApplicationShutdown {
  private readonly pending = new Set<Promise<void>>();

  constructor(@Inject(AppLoggerToken) private readonly logger: AppLogger) {}

  /** Queues `task` for after the current request's response; never awaited on the request path. */
  run(what: string, task: () => Promise<unknown>) {
    // Outside the request's transaction, if it has one: that commits or ends before this work is done.
    const scope = requestScope.getStore();
    const detached = () => (scope ? requestScope.run({ ...scope, transaction: undefined }, task) : task());
    const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(detached)
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ err: { name: error instanceof Error ? error.name : typeof error } }, `${what} failed after the response`),
      )
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** Resolves once everything queued so far has finished (tests, and shutdown). */
  async settled() {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  async onApplicationShutdown() {
    await this.settled();
  }
}
