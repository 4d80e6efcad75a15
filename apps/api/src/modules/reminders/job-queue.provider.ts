import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { createJobQueue } from './job-queue';

/** The process's pg-boss instance: started and stopped by RemindersWorker. */
export const JOB_QUEUE = Symbol('JOB_QUEUE');

export const jobQueueProvider: Provider = {
  provide: JOB_QUEUE,
  inject: [DataSource, APP_CONFIG],
  useFactory: (dataSource: DataSource, config: AppConfig) => createJobQueue(dataSource, { worker: config.JOBS_WORKER === 'on' }),
};
