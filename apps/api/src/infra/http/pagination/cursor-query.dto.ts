import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export interface CursorQuery {
  cursor?: string;
  limit?: number;
}

/** One page of a keyset list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The `cursor` and `limit` query of a keyset list, with the list's own page size bounds. */
export function CursorQueryDto(bounds: { defaultLimit: number; maxLimit: number }) {
  class CursorQueryDto implements CursorQuery {
    @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
    @IsOptional()
    @IsString()
    @MaxLength(200)
    @Matches(/^[A-Za-z0-9_-]+$/)
    cursor?: string;

    @ApiPropertyOptional({ minimum: 1, maximum: bounds.maxLimit, default: bounds.defaultLimit })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(bounds.maxLimit)
    limit?: number;
  }
  return CursorQueryDto;
}
