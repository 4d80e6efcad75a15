import { Module } from '@nestjs/common';
import { jobQueueProvider } from './job-queue.provider';
import { RemindersService } from './reminders.service';
import { RemindersWorker } from './reminders.worker';

/** Reminder emails on the job queue in the database (pg-boss). Sessions plan their reminders through RemindersService. */
@Module({ providers: [jobQueueProvider, RemindersService, RemindersWorker], exports: [RemindersService] })
export class RemindersModule {}
