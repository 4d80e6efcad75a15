import { Module } from '@nestjs/common';
import { jobQueueProvider } from './job-queue.provider';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { RemindersWorker } from './reminders.worker';

/** Reminder emails on the job queue in the database (pg-boss). Sessions plan their reminders through RemindersService. */
@Module({ providers: [jobQueueProvider, RemindersRepository, RemindersService, RemindersWorker], exports: [RemindersService] })
export class RemindersModule {}
