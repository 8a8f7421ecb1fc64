import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({
    summary: 'Mail the server would have sent (embedded mode only: no SMTP_URL, not production)',
  })
  @ApiOkResponse({ type: OutboxMailDto, isArray: true })
  outbox(): OutboxMailDto[] {
    if (!this.mail.isOutboxEnabled) throw new AppError('COMMON_NOT_FOUND', 404, 'Not found.');
    return this.mail.listOutbox().map(({ id, to, subject, text, sentAt }) => ({
      id,
      to,
      subject,
      text,
      sentAt,
    }));
  }
}
