import { Global, Module } from '@nestjs/common';
import { MailerService } from './mailer.service';
import { OutboxResolver } from './outbox.resolver';

@Global()
@Module({ providers: [MailerService, OutboxResolver], exports: [MailerService] })
export class MailModule {}
