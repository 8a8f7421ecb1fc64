import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CursorQueryDto } from '../../../infra/http/pagination/cursor-query.dto';
import { GROUP_NAME_MAX, PAGE_DEFAULT, PAGE_MAX } from '../chat.policy';

export class ListRoomsQueryDto extends CursorQueryDto({
  defaultLimit: PAGE_DEFAULT,
  maxLimit: PAGE_MAX,
}) {
  @ApiPropertyOptional({
    maxLength: GROUP_NAME_MAX,
    description: 'Filter by room name, or by the other party’s nickname for direct rooms.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(GROUP_NAME_MAX)
  q?: string;
}
