import { ApiProperty } from '@nestjs/swagger';
import { CursorQueryDto, Page } from '../../../infra/http/pagination/cursor-query.dto';
import { ViewerStateDto } from './public-profile.dto';
import { UserSummaryDto } from './user-summary.dto';

export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

export class PageQueryDto extends CursorQueryDto({
  defaultLimit: PAGE_DEFAULT,
  maxLimit: PAGE_MAX,
}) {}

export class UserListItemDto extends UserSummaryDto {
  @ApiProperty({ type: () => ViewerStateDto })
  viewer: ViewerStateDto;
}

/** Newest first; pass `nextCursor` back for the next page (null on the last one). */
export class UserPageDto implements Page<UserListItemDto> {
  @ApiProperty({ type: () => UserListItemDto, isArray: true })
  items: UserListItemDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
