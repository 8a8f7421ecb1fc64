import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { CursorQueryDto } from '../../../infra/http/pagination/cursor-query.dto';
import {
  COMMENT_MAX,
  COMMENT_PAGE_DEFAULT,
  COMMENT_PAGE_MAX,
  CONTENT_MAX,
  FEED_PAGE_DEFAULT,
  FEED_PAGE_MAX,
  IMAGES_MAX,
  TITLE_MAX,
} from '../post.policy';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

export class CreatePostDto {
  @ApiProperty({ minLength: 1, maxLength: TITLE_MAX })
  @Transform(trimmed)
  @IsString()
  @Length(1, TITLE_MAX)
  title: string;

  @ApiProperty({
    minLength: 1,
    maxLength: CONTENT_MAX,
    description:
      'Plain text: line breaks are kept and http(s) URLs are linked; HTML is shown as text.',
  })
  @IsString()
  @Length(1, CONTENT_MAX)
  @Matches(/\S/, { message: 'content must not be blank' })
  content: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: IMAGES_MAX,
    description: 'Images uploaded with `POST /posts/images`, in display order.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(IMAGES_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  imageIds?: string[];
}

export class UpdatePostDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: TITLE_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, TITLE_MAX)
  title?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: CONTENT_MAX })
  @IsOptional()
  @IsString()
  @Length(1, CONTENT_MAX)
  @Matches(/\S/, { message: 'content must not be blank' })
  content?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: IMAGES_MAX,
    description:
      'The whole new image list in order: kept images, new uploads; images left out are deleted.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(IMAGES_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  imageIds?: string[];
}

export class CreateCommentDto {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX })
  @IsString()
  @Length(1, COMMENT_MAX)
  @Matches(/\S/, { message: 'content must not be blank' })
  content: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A top-level comment of the same post to reply to.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class EditCommentDto {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX })
  @IsString()
  @Length(1, COMMENT_MAX)
  @Matches(/\S/, { message: 'content must not be blank' })
  content: string;
}

export class FeedQueryDto extends CursorQueryDto({
  defaultLimit: FEED_PAGE_DEFAULT,
  maxLimit: FEED_PAGE_MAX,
}) {}

export class CommentQueryDto extends CursorQueryDto({
  defaultLimit: COMMENT_PAGE_DEFAULT,
  maxLimit: COMMENT_PAGE_MAX,
}) {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'List the replies of this top-level comment instead of the top-level comments.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
