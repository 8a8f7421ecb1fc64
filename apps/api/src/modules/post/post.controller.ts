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
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiDoc } from '../../infra/http/api-doc';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { OptionalJwtAuthGuard } from '../../infra/auth/optional-jwt-auth.guard';
import { CurrentPrincipal, CurrentViewer, type Principal } from '../../infra/auth/principal';
import { RequireVerifiedEmail } from '../../infra/auth/verified-email.guard';
import { ApiImageUpload, MediaService, uploadedImage } from '../media';
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
import { PostFeedService } from './post-feed.service';
import { PostReactionsService } from './post-reactions.service';
import { PostWritingService } from './post-writing.service';
import { PostErrors } from './post.errors';
import { PostLimits } from './post.policy';

const EXAMPLE_IMAGE_ID = '3f2c1a9e-8d4b-4c6e-9f1a-2b7c5d8e0a41';

const uuid = new ParseUUIDPipe();

/**
 * Posts, feeds, comments, likes and bookmarks. Reads are open to anonymous visitors (no
 * liked-by-me, no view counted); writing needs a verified email, liking and bookmarking a sign-in.
 */
@ApiTags('posts')
@Controller()
export class PostController {
  constructor(
    @Inject(PostWritingService) private readonly writing: PostWritingService,
    @Inject(PostFeedService) private readonly feed: PostFeedService,
    @Inject(PostReactionsService) private readonly reactions: PostReactionsService,
    @Inject(PostCommentService) private readonly comments: PostCommentService,
    @Inject(MediaService) private readonly media: MediaService,
  ) {}

  @Post('posts/images')
  @RequireVerifiedEmail()
  @ApiImageUpload({
    summary: 'Upload an image for a post being written',
    description:
      'One multipart part named `file` (JPEG/PNG/WebP/GIF by content, ≤ 10 MB, ≤ 33 MP, re-encoded without metadata). Put the answer’s `id` in `imageIds` of `POST /posts` or `PATCH /posts/{postId}`; an upload never attached is swept after a grace period.',
  })
  @ApiCreatedResponse({ type: PostImageDto })
  uploadImage(@CurrentPrincipal() me: Principal, @Req() req: Request): Promise<PostImageDto> {
    return this.writing.uploadImage(me.userId, uploadedImage(req, this.media.uploadLimits));
  }

  @Post('posts')
  @RequireVerifiedEmail()
  @ApiDoc({
    summary: 'Write a post',
    description:
      'Title, plain-text content and up to 10 images uploaded with `POST /posts/images` (my own uploads not yet in a post), in display order.',
    errors: [PostErrors.imageNotFound],
    limits: [PostLimits.createPerUser],
    example: {
      title: '주말 북한산 등산 후기',
      content: '백운대까지 3시간 걸렸어요.\n코스 정보: https://example.com/bukhansan',
      imageIds: [EXAMPLE_IMAGE_ID],
    },
  })
  @ApiCreatedResponse({ type: PostDetailDto })
  create(@CurrentPrincipal() me: Principal, @Body() dto: CreatePostDto): Promise<PostDetailDto> {
    return this.writing.create(me.userId, dto);
  }

  @Get('posts')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({
    summary: 'All posts, newest first (muted and blocked authors left out)',
    description: 'Pass `nextCursor` back as `cursor`; a page never skips or repeats a post.',
    errors: [],
  })
  @ApiOkResponse({ type: PostPageDto })
  all(
    @CurrentViewer() viewer: Principal | null,
    @Query() query: FeedQueryDto,
  ): Promise<PostPageDto> {
    return this.feed.feed(viewer?.userId ?? null, { kind: 'all' }, query);
  }

  @Get('posts/following')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({ summary: 'Posts of the people I follow, newest first', errors: [] })
  @ApiOkResponse({ type: PostPageDto })
  following(@CurrentPrincipal() me: Principal, @Query() query: FeedQueryDto): Promise<PostPageDto> {
    return this.feed.feed(me.userId, { kind: 'following' }, query);
  }

  @Get('posts/popular')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({ summary: 'The 5 most liked posts of the last 7 days', errors: [] })
  @ApiOkResponse({ type: PopularPostsDto })
  async popular(@CurrentViewer() viewer: Principal | null): Promise<PopularPostsDto> {
    return { items: await this.feed.popular(viewer?.userId ?? null) };
  }

  @Get('posts/bookmarks')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({ summary: 'My saved posts, last saved first', errors: [] })
  @ApiOkResponse({ type: PostPageDto })
  bookmarks(@CurrentPrincipal() me: Principal, @Query() query: FeedQueryDto): Promise<PostPageDto> {
    return this.feed.feed(me.userId, { kind: 'bookmarks' }, query);
  }

  @Get('users/:userId/posts')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({
    summary: 'A user’s posts, newest first',
    description: 'A deleted account answers 404.',
    errors: [PostErrors.userNotFound],
  })
  @ApiOkResponse({ type: PostPageDto })
  byAuthor(
    @CurrentViewer() viewer: Principal | null,
    @Param('userId', uuid) userId: string,
    @Query() query: FeedQueryDto,
  ): Promise<PostPageDto> {
    return this.feed.authorPosts(viewer?.userId ?? null, userId, query);
  }

  @Get('posts/:postId')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({
    summary: 'A post with its images',
    description:
      'A signed-in viewer’s first read of the day counts one view. A deleted post, or one hidden by a block, answers 404 like a missing one.',
    errors: [PostErrors.postNotFound],
  })
  @ApiOkResponse({ type: PostDetailDto })
  detail(
    @CurrentViewer() viewer: Principal | null,
    @Param('postId', uuid) postId: string,
  ): Promise<PostDetailDto> {
    return this.feed.detail(viewer?.userId ?? null, postId);
  }

  @Patch('posts/:postId')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({
    summary: 'Edit my post: text, and the image list (keep, add, reorder, remove)',
    description:
      '`imageIds`, when sent, is the whole new list in order; images left out are deleted after the edit.',
    errors: [PostErrors.postNotFound, PostErrors.postNotOwn, PostErrors.imageNotFound],
    example: {
      title: '주말 북한산 등산 후기 (수정)',
      imageIds: [EXAMPLE_IMAGE_ID],
    },
  })
  @ApiOkResponse({ type: PostDetailDto })
  update(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
    @Body() dto: UpdatePostDto,
  ): Promise<PostDetailDto> {
    return this.writing.update(me.userId, postId, dto);
  }

  @Delete('posts/:postId')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiDoc({
    summary: 'Delete my post',
    description: 'The post leaves every feed and its page answers 404; its images are deleted.',
    errors: [PostErrors.postNotFound, PostErrors.postNotOwn],
  })
  remove(@CurrentPrincipal() me: Principal, @Param('postId', uuid) postId: string): Promise<void> {
    return this.writing.remove(me.userId, postId);
  }

  @Put('posts/:postId/like')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({ summary: 'Like a post', errors: [PostErrors.postNotFound] })
  @ApiOkResponse({ type: LikeStateDto, description: 'Idempotent.' })
  like(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
  ): Promise<LikeStateDto> {
    return this.reactions.like(me.userId, postId);
  }

  @Delete('posts/:postId/like')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({ summary: 'Take back my like', errors: [PostErrors.postNotFound] })
  @ApiOkResponse({ type: LikeStateDto, description: 'Idempotent.' })
  unlike(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
  ): Promise<LikeStateDto> {
    return this.reactions.unlike(me.userId, postId);
  }

  @Put('posts/:postId/bookmark')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({ summary: 'Save a post to my bookmarks', errors: [PostErrors.postNotFound] })
  @ApiOkResponse({ type: BookmarkStateDto, description: 'Idempotent.' })
  bookmark(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
  ): Promise<BookmarkStateDto> {
    return this.reactions.bookmark(me.userId, postId);
  }

  @Delete('posts/:postId/bookmark')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({
    summary: 'Remove a post from my bookmarks',
    description: 'Also for a post since deleted or hidden.',
    errors: [],
  })
  @ApiOkResponse({ type: BookmarkStateDto, description: 'Idempotent.' })
  unbookmark(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
  ): Promise<BookmarkStateDto> {
    return this.reactions.unbookmark(me.userId, postId);
  }

  @Get('posts/:postId/comments')
  @UseGuards(OptionalJwtAuthGuard)
  @ApiBearerAuth()
  @ApiDoc({
    summary: 'Top-level comments oldest first, or with `parentId` that comment’s replies',
    description: 'Comments of authors in a block with me are left out.',
    errors: [PostErrors.postNotFound],
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
  @ApiDoc({
    summary: 'Comment on a post, or reply to a top-level comment',
    description:
      'Replies go one level deep: `parentId` must be a live top-level comment of this post.',
    errors: [PostErrors.postNotFound, PostErrors.commentNotFound, PostErrors.replyDepth],
    limits: [PostLimits.commentPerUser],
    example: { content: '좋은 정보 감사합니다!', parentId: '7a1e4b2c-5d3f-4e8a-9b6c-1f0d2e3a4b5c' },
  })
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
  @ApiDoc({
    summary: 'Edit my comment',
    errors: [PostErrors.commentNotFound, PostErrors.commentNotOwn, PostErrors.commentDeleted],
    example: { content: '좋은 정보 감사합니다! 다음 주에 가 볼게요.' },
  })
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
  @ApiDoc({
    summary: 'Delete my comment',
    description: 'A comment with replies stays in the thread as deleted.',
    errors: [PostErrors.commentNotFound, PostErrors.commentNotOwn, PostErrors.commentDeleted],
  })
  removeComment(
    @CurrentPrincipal() me: Principal,
    @Param('postId', uuid) postId: string,
    @Param('commentId', uuid) commentId: string,
  ): Promise<void> {
    return this.comments.remove(me.userId, postId, commentId);
  }
}
