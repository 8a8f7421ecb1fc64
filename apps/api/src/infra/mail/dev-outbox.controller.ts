import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiDoc } from '../http/api-doc';
import { AppError } from '../http/app-error';
import { MailService } from './mail.service';

export class OutboxMailDto {
  @ApiProperty()
  id: number;

  @ApiProperty()
  to: string;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ format: 'date-time' })
  sentAt: string;
}

@ApiTags('dev')
@Controller('dev')
export class DevOutboxController {
  constructor(@Inject(MailService) private readonly mail: MailService) {}

  @Get('outbox')
  @ApiOkResponse({ type: OutboxMailDto, isArray: true })
  @ApiDoc({
    summary:
      'Mail the server would have sent (embedded mode only: no SMTP_URL, not production, asked from this machine)',
    description: 'Answers 404 everywhere else.',
    errors: [() => new AppError('COMMON_NOT_FOUND', 404, 'Not found.')],
  })
  outbox(@Req() req: Request): OutboxMailDto[] {
    // Codes and reset links of every user: never to another machine, whatever X-Forwarded-For says.
    if (!this.mail.isOutboxEnabled || !isLoopback(req.socket.remoteAddress))
      throw new AppError('COMMON_NOT_FOUND', 404, 'Not found.');
    return this.mail.listOutbox().map(({ id, to, subject, text, sentAt }) => ({
      id,
      to,
      subject,
      text,
      sentAt,
    }));
  }
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
