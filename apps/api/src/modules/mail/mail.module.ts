import { Global, Module } from '@nestjs/common';
import { MailerService } from './mailer.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxResolver } from './outbox.resolver';

@Global()
@Module({ providers: [MailerService, OutboxRepository, OutboxResolver], exports: [MailerService] })
export class MailModule {}
