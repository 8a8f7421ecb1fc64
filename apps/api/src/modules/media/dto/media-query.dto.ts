import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MEDIA_VARIANTS } from '../media.policy';
import type { MediaVariant } from '../media.policy';

export class MediaQueryDto {
  @ApiPropertyOptional({
    enum: MEDIA_VARIANTS,
    default: 'full',
    description: '`thumb` is a small version (at most 256 px) for lists.',
  })
  @IsOptional()
  @IsIn(MEDIA_VARIANTS)
  size?: MediaVariant;
}
