import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CursorQueryDto } from '../../../infra/http/pagination/cursor-query.dto';
import { UserListItemDto } from './user-page.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const DIRECTORY_DEFAULT = 20;
export const DIRECTORY_MAX = 50;
export const SUGGESTIONS_DEFAULT = 6;
export const SUGGESTIONS_MAX = 20;

export class DirectoryQueryDto extends CursorQueryDto({
  defaultLimit: DIRECTORY_DEFAULT,
  maxLimit: DIRECTORY_MAX,
}) {
  @ApiPropertyOptional({ maxLength: 20, description: 'Part of a nickname (case-insensitive).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(20)
  q?: string;
}

export class SuggestionsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: SUGGESTIONS_MAX, default: SUGGESTIONS_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SUGGESTIONS_MAX)
  limit?: number;
}

/** Newest members first; pass `nextCursor` back for the next page (null on the last one). */
export class DirectoryPageDto {
  @ApiProperty({ type: () => UserListItemDto, isArray: true })
  items: UserListItemDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export const SUGGESTION_REASONS = ['followedByFollowing', 'recentlyActive', 'newMember'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export class SuggestionDto extends UserListItemDto {
  @ApiProperty({
    enum: SUGGESTION_REASONS,
    description:
      '`followedByFollowing`: people I follow follow them (`followedByCount` of them); ' +
      '`recentlyActive`: seen recently; `newMember`: joined recently.',
  })
  reason: SuggestionReason;

  @ApiProperty({ description: 'How many of the people I follow follow this user.' })
  followedByCount: number;
}

export class SuggestionsDto {
  @ApiProperty({ type: () => SuggestionDto, isArray: true })
  items: SuggestionDto[];
}
