import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { singleFileUpload } from '../../infra/http/multipart';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { OptionalJwtAuthGuard } from '../../infra/auth/optional-jwt-auth.guard';
import { CurrentPrincipal, CurrentViewer, type Principal } from '../../infra/auth/principal';
import { RequireVerifiedEmail } from '../../infra/auth/verified-email.guard';
import { ImageUploadDto, MediaService } from '../media';
import {
  CommentQueryDto,
  CreateCommentDto,
  CreatePostDto,
  EditCommentDto,
  FeedQueryDto,
  UpdatePostDto,
} from './dto/post-input.dto';
import {
  BookmarkStateDto,
  CommentDto,
  CommentPageDto,
  LikeStateDto,
  PopularPostsDto,
  PostDetailDto,
  PostImageDto,
  PostPageDto,
} from './dto/post.dto';
import { PostCommentService } from './post-comment.service';
import { PostService } from './post.service';

const uuid = new ParseUUIDPipe();

/**
 * Posts, feeds, comments, likes and bookmarks. Reads are open to anonymous visitors (no
 * liked-by-me, no view counted); writing needs a verified email, liking and bookmarking a sign-in.
 */
@ApiTags('posts')
@Controller()
export class PostController {
  constructor(
    @Inject(PostService) private readonly posts: PostService,
    @Inject(PostCommentService) private readonly comments: PostCommentService,
    @Inject(MediaService) private readonly media: MediaService,
  ) {}

  @Post('posts/images')
  @RequireVerifiedEmail()
  @ApiOperation({
    summary: 'Upload an image for a post being written',
    description:
      'One multipart part named `file` (JPEG/PNG/WebP/GIF by content, ≤ 10 MB, re-encoded without metadata). Put the answer’s `id` in `imageIds` of `POST /posts` or `PATCH /posts/{postId}`; an upload never attached is swept after a grace period.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImageUploadDto })
  @ApiCreatedResponse({ type: PostImageDto })
  uploadImage(@CurrentPrincipal() me: Principal, @Req() req: Request): Promise<PostImageDto> {
    const file = singleFileUpload(req, { field: 'file', ...this.media.uploadLimits });
    return this.posts.uploadImage(me.userId, file);
  }

  @Post('posts')
  @RequireVerifiedEmail()
  @ApiCreatedResponse({ type: PostDetailDto })
  create(@CurrentPrincipal() me: Principal, @Body() dto: CreatePostDto): Promise<PostDetailDto> {
    return this.posts.create(me.userId, dto);
  }

  @Get('posts')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'All posts, newest first (muted and blocked authors left out)' })
  @ApiOkResponse({ type: PostPageDto })
  all(
    @CurrentViewer() viewer: Principal | null,
    @Query() query: FeedQueryDto,
  ): Promise<PostPageDto> {
    return this.posts.feed(viewer?.userId ?? null, { kind: 'all' }, query);
  }

  @Get('posts/following')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Posts of the people I follow, newest first' })
  @ApiOkResponse({ type: PostPageDto })
  following(@CurrentPrincipal() me: Principal, @Query() query: FeedQueryDto): Promise<PostPageDto> {
    return this.posts.feed(me.userId, { kind: 'following' }, query);
  }

  @Get('posts/popular')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The 5 most liked posts of the last 7 days' })
  @ApiOkResponse({ type: PopularPostsDto })
  async popular(@CurrentViewer() viewer: Principal | null): Promise<PopularPostsDto> {
    return { items: await this.posts.popular(viewer?.userId ?? null) };
  }

  @Get('posts/bookmarks')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My saved posts, last saved first' })
  @ApiOkResponse({ type: PostPageDto })
  bookmarks(@CurrentPrincipal() me: Principal, @Query() query: FeedQueryDto): Promise<PostPageDto> {
    return this.posts.feed(me.userId, { kind: 'bookmarks' }, query);
  }

  @Get('users/:userId/posts')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A user’s posts, newest first' })
  @ApiOkResponse({ type: PostPageDto })
  byAuthor(
    @CurrentViewer() viewer: Principal | null,
    @Param('userId', uuid) userId: string,
    @Query() query: FeedQueryDto,
  ): Promise<PostPageDto> {
    return this.posts.authorPosts(viewer?.userId ?? null, userId, query);
  }

  @Get('posts/:postId')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A post with its images',
    description: 'A signed-in viewer’s first read of the day counts one view.',
  })
  @ApiOkResponse({ type: PostDetailDto })
  detail(
    @CurrentViewer() viewer: Principal | null,
    @Param('postId', uuid) postId: string,
  ): Promise<PostDetailDto> {
    return this.posts.detail(viewer?.userId ?? null, postId);
  }

  @Patch('posts/:postId')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Edit my post: text, and the image list (keep, add, reorder, remove)' })
  @ApiOkResponse({ type: PostDetailDto })
  update(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
    @Body() dto: UpdatePostDto,
  ): Promise<PostDetailDto> {
    return this.posts.update(me.userId, postId, dto);
  }

  @Delete('posts/:postId')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() me: Principal, @Param('postId', uuid) postId: string): Promise<void> {
    return this.posts.remove(me.userId, postId);
  }

  @Put('posts/:postId/like')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: LikeStateDto, description: 'Idempotent.' })
  like(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
  ): Promise<LikeStateDto> {
    return this.posts.like(me.userId, postId);
  }

  @Delete('posts/:postId/like')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: LikeStateDto, description: 'Idempotent.' })
  unlike(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
  ): Promise<LikeStateDto> {
    return this.posts.unlike(me.userId, postId);
  }

  @Put('posts/:postId/bookmark')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: BookmarkStateDto, description: 'Idempotent.' })
  bookmark(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
  ): Promise<BookmarkStateDto> {
    return this.posts.bookmark(me.userId, postId);
  }

  @Delete('posts/:postId/bookmark')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: BookmarkStateDto, description: 'Idempotent.' })
  unbookmark(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
  ): Promise<BookmarkStateDto> {
    return this.posts.unbookmark(me.userId, postId);
  }

  @Get('posts/:postId/comments')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Top-level comments oldest first, or with `parentId` that comment’s replies',
  })
  @ApiOkResponse({ type: CommentPageDto })
  listComments(
    @CurrentViewer() viewer: Principal | null,
    @Param('postId', uuid) postId: string,
    @Query() query: CommentQueryDto,
  ): Promise<CommentPageDto> {
    return this.comments.list(viewer?.userId ?? null, postId, query);
  }

  @Post('posts/:postId/comments')
  @RequireVerifiedEmail()
  @ApiCreatedResponse({ type: CommentDto })
  comment(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.create(me.userId, postId, dto);
  }

  @Patch('posts/:postId/comments/:commentId')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: CommentDto })
  editComment(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
    @Param('commentId', uuid) commentId: string,
    @Body() dto: EditCommentDto,
  ): Promise<CommentDto> {
    return this.comments.edit(me.userId, postId, commentId, dto.content);
  }

  @Delete('posts/:postId/comments/:commentId')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse()
  removeComment(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
    @Param('commentId', uuid) commentId: string,
  ): Promise<void> {
    return this.comments.remove(me.userId, postId, commentId);
  }
}
