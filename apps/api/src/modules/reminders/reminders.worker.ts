import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { AppLoggerToken } from '../../common/logger.module';
import type { AppLogger } from '../../common/logger';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { JOB_QUEUE } from './job-queue.provider';
import { REMINDER_SWEEP_CRON, REMINDER_SWEEP_QUEUE, SESSION_REMINDER_QUEUE } from './job-queue';
import { RemindersService, type SessionReminderJob } from './reminders.service';

/** How often an idle worker asks for due jobs. Reminders are minutes-grained, so a few seconds is plenty. */
const POLLING_INTERVAL_SECONDS = 2;

/**
 * Starts the job queue with the application (its schema and queues come from a migration, which ran under
 * the start-up lock; start-up only checks pg-boss's schema version). With JOBS_WORKER=on (the
 * default) this process also works jobs and keeps the sweep's cron; pg-boss hands each job to one
 * worker only (FOR UPDATE SKIP LOCKED), whichever process that is.
 */
@Injectable()
export class RemindersWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JOB_QUEUE) private readonly queue: PgBoss,
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AppLoggerToken) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap() {
    // Writing the schema file builds the app without opening a database: no queue then.
    if (!this.dataSource.isInitialized) return;
    // Logged by name and code only: pg-boss's errors can carry SQL and the values bound to it.
    this.queue.on('error', (error: Error & { code?: string }) => this.logger.error({ err: { name: error.name, code: error.code } }, 'The job queue reported an error'));
    await this.queue.start();
    if (this.config.JOBS_WORKER !== 'on') return;
    await this.queue.work<SessionReminderJob>(SESSION_REMINDER_QUEUE, { pollingIntervalSeconds: POLLING_INTERVAL_SECONDS, batchSize: 5 }, async (jobs) => {
      for (const job of jobs) await this.reminders.deliverSessionReminder(job.data);
    });
    await this.queue.work(REMINDER_SWEEP_QUEUE, { pollingIntervalSeconds: POLLING_INTERVAL_SECONDS }, async () => {
      await this.reminders.sweep();
    });
    await this.queue.schedule(REMINDER_SWEEP_QUEUE, REMINDER_SWEEP_CRON);
  }

  async onApplicationShutdown() {
    // Jobs in hand finish (or are handed back as failed, to be retried) before the data source closes.
    await this.queue.stop({ graceful: true, timeout: 10_000, wait: true });
  }
}
