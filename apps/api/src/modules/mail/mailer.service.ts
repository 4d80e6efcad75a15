import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppLoggerToken } from '../../common/logger.module';
import type { AppLogger } from '../../common/logger';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { OutboxRepository } from './outbox.repository';

export interface Email {
  to: string;
  /** The sender, when not MAIL_FROM (reminders come from the practice by name: see `practiceSender`). */
  from?: string;
  subject: string;
  text: string;
}

/**
 * The practice's name with MAIL_FROM's address, as a mail client shows it: `Calm Rooms <no-reply@example.org>`.
 * The name is quoted when it holds characters that mean something in an address header.
 */
export function practiceSender(config: Pick<AppConfig, 'PRACTICE_NAME' | 'MAIL_FROM'>): string {
  const address = /<([^<>]+)>\s*$/.exec(config.MAIL_FROM)?.[1]?.trim() ?? config.MAIL_FROM.trim();
  const name = config.PRACTICE_NAME.replace(/[\r\n]+/g, ' ');
  const shown = /^[\w .'-]+$/u.test(name) ? name : `"${name.replace(/(["\\])/g, '\\$1')}"`;
  return `${shown} <${address}>`;
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
    private readonly outbox: OutboxRepository,
  ) {
    this.transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  }

  async send(email: Email) {
    if (this.transport) {
      await this.transport.sendMail({ ...email, from: email.from ?? this.config.MAIL_FROM });
      return;
    }
    if (this.config.isProduction) {
      this.logger.warn('Email is off (SMTP_URL is not set): a message was not sent');
      return;
    }
    await this.outbox.insert({ ...email, from: email.from ?? null });
    this.logger.info({ outbox: email }, 'Email written to the development outbox');
  }

  /** The development outbox, newest first. */
  newestInOutbox(count: number) {
    return this.outbox.newest(count);
  }
}
