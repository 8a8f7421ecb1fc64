import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
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

  @ApiPropertyOptional({
    description: 'Expiry (Unix seconds) of a signed URL for a private image, as handed out.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2 ** 40)
  exp?: number;

  @ApiPropertyOptional({ description: 'Signature of a private image URL, as handed out.' })
  @IsOptional()
  @Matches(/^[\w-]{43}$/)
  sig?: string;
}
