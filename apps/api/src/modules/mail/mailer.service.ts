import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppLoggerToken } from '../../common/logger.module';
import type { AppLogger } from '../../common/logger';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { OutboxEmailEntity } from './outbox-email.entity';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends email through SMTP when SMTP_URL is set. Otherwise it lands in the outbox table, which admins
 * can read in development; outside production the message is also logged so a developer can follow links.
 */
@Injectable()
export class MailerService {
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AppLoggerToken) private readonly logger: AppLogger,
    private readonly dataSource: DataSource,
  ) {
    this.transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  }

  async send(email: Email) {
    if (this.transport) {
      await this.transport.sendMail({ from: this.config.MAIL_FROM, ...email });
      return;
    }
    await this.dataSource.getRepository(OutboxEmailEntity).insert(email);
    if (!this.config.isProduction) this.logger.info({ outbox: email }, 'Email written to the development outbox');
    else this.logger.warn({ to: email.to, subject: email.subject }, 'SMTP_URL is not set: email kept in the outbox only');
  }
}
