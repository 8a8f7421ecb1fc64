import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ViewerStateDto } from './public-profile.dto';
import { UserSummaryDto } from './user-summary.dto';

export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

export class PageQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: PAGE_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;
}

export class UserListItemDto extends UserSummaryDto {
  @ApiProperty({ type: () => ViewerStateDto })
  viewer: ViewerStateDto;
}

/** Newest first; pass `nextCursor` back for the next page (null on the last one). */
export class UserPageDto {
  @ApiProperty({ type: () => UserListItemDto, isArray: true })
  items: UserListItemDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
