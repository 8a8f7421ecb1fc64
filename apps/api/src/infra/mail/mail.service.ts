import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app.config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface OutboxMail extends MailMessage {
  id: number;
  sentAt: string;
}

const OUTBOX_SIZE = 50;

/**
 * Sends mail over SMTP when `SMTP_URL` is set. Without it (the embedded default) mail goes to the
 * log and to an in-memory dev outbox instead, so a local user can still read their codes.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly outbox: OutboxMail[] = [];
  private nextId = 1;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    // Bounded waits: a dead mail server must not hold a request for nodemailer's default minutes.
    this.transport = config.env.SMTP_URL
      ? createTransport({
          url: config.env.SMTP_URL,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        })
      : null;
  }

  /** The dev outbox exists only without SMTP and outside production. */
  get isOutboxEnabled(): boolean {
    return !this.transport && this.config.env.NODE_ENV !== 'production';
  }

  async send(message: MailMessage): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.config.env.MAIL_FROM, ...message });
      return;
    }
    if (!this.isOutboxEnabled) {
      // Production without SMTP: say so, but never put codes or links in production logs.
      this.logger.warn({ to: message.to, subject: message.subject }, 'mail not sent: no SMTP_URL');
      return;
    }
    this.logger.log({ to: message.to, subject: message.subject, text: message.text }, 'mail');
    this.outbox.unshift({ id: this.nextId++, sentAt: new Date().toISOString(), ...message });
    this.outbox.length = Math.min(this.outbox.length, OUTBOX_SIZE);
  }

  /** Newest first. */
  listOutbox(): OutboxMail[] {
    return [...this.outbox];
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
