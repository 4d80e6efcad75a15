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
 * Sends email through SMTP when SMTP_URL is set. Otherwise, outside production, it lands in the
 * development outbox (which admins can read) and is logged so a developer can follow links. In
 * production without SMTP_URL email is off: nothing is stored or logged, because bodies carry
 * single-use links and names (start-up says so).
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
    if (this.config.isProduction) {
      this.logger.warn('Email is off (SMTP_URL is not set): a message was not sent');
      return;
    }
    await this.dataSource.getRepository(OutboxEmailEntity).insert(email);
    this.logger.info({ outbox: email }, 'Email written to the development outbox');
  }

  /** The development outbox, newest first. */
  newestInOutbox(count: number) {
    return this.dataSource.getRepository(OutboxEmailEntity).find({ order: { createdAt: 'DESC' }, take: count });
  }
}
