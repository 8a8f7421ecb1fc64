import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Max, Min, MinDate } from 'class-validator';
import { PAGE_DEFAULT, PAGE_MAX } from '../chat.policy';

/** At most one of after_seq, before_seq, around, around_date; none means the newest page. */
export class ListMessagesQueryDto {
  @ApiPropertyOptional({ description: 'Messages with seq > after_seq (catch-up, newer page).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after_seq?: number;

  @ApiPropertyOptional({ description: 'Messages with seq < before_seq (older page).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  before_seq?: number;

  @ApiPropertyOptional({ description: 'A page centred on this seq (jump to first unread).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  around?: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'A page centred on the first message sent at or after this moment.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(new Date(0))
  around_date?: Date;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: PAGE_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;
}
