import { ApiProperty } from '@nestjs/swagger';
import type { PostComment } from '@orgo/contracts';
import { UserSummaryDto } from '../../user';

export class PostImageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    description: 'Signed, expiring same-origin URL; append `&size=thumb` for the small version.',
  })
  url: string;

  @ApiProperty()
  width: number;

  @ApiProperty()
  height: number;
}

/** A post as a feed card. */
export class PostSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'The start of the content (plain text).' })
  excerpt: string;

  @ApiProperty({ type: UserSummaryDto })
  author: UserSummaryDto;

  @ApiProperty({ type: PostImageDto, nullable: true })
  firstImage: PostImageDto | null;

  @ApiProperty()
  imageCount: number;

  @ApiProperty()
  likeCount: number;

  @ApiProperty()
  commentCount: number;

  @ApiProperty()
  viewCount: number;

  @ApiProperty({ description: 'Always false for anonymous visitors.' })
  likedByMe: boolean;

  @ApiProperty({ description: 'Always false for anonymous visitors.' })
  bookmarkedByMe: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  editedAt: string | null;
}

export class PostDetailDto extends PostSummaryDto {
  @ApiProperty({ description: 'Plain text with line breaks.' })
  content: string;

  @ApiProperty({ type: [PostImageDto] })
  images: PostImageDto[];
}

export class PostPageDto {
  @ApiProperty({ type: [PostSummaryDto] })
  items: PostSummaryDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class PopularPostsDto {
  @ApiProperty({ type: [PostSummaryDto] })
  items: PostSummaryDto[];
}

export class CommentDto implements PostComment {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  postId: string;

  @ApiProperty({ format: 'uuid', type: String, nullable: true })
  parentId: string | null;

  @ApiProperty({ type: UserSummaryDto, nullable: true, description: 'Null once deleted.' })
  author: UserSummaryDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null once deleted: the SPA shows "삭제된 댓글입니다" and keeps its replies.',
  })
  content: string | null;

  @ApiProperty({ description: 'Live replies of a top-level comment.' })
  replyCount: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  editedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deletedAt: string | null;
}

export class CommentPageDto {
  @ApiProperty({ type: [CommentDto] })
  items: CommentDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class LikeStateDto {
  @ApiProperty()
  liked: boolean;

  @ApiProperty()
  likeCount: number;
}

export class BookmarkStateDto {
  @ApiProperty()
  bookmarked: boolean;
}
