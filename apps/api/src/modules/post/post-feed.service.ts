import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../infra/http/pagination/keyset-cursor';
import type { Page } from '../../infra/http/pagination/cursor-query.dto';
import type { PostDetailDto, PostSummaryDto } from './dto/post.dto';
import { PostReadRepository, PostScope } from './post-read.repository';
import { PostErrors } from './post.errors';
import { FEED_PAGE_DEFAULT, POPULAR_COUNT, POPULAR_WINDOW_DAYS } from './post.policy';

/**
 * What a viewer reads of posts: the feeds, a user's posts, the popular ones and a post itself
 * (whose first read of the day counts a view). Blocks and mutes are applied by the read queries.
 */
@Injectable()
export class PostFeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PostReadRepository) private readonly reads: PostReadRepository,
  ) {}

  async detail(viewerId: string | null, postId: string): Promise<PostDetailDto> {
    const post = await this.reads.detail(viewerId, postId);
    if (!post) throw PostErrors.postNotFound();
    if (viewerId) {
      const viewCount = await this.reads.countView(viewerId, postId);
      if (viewCount !== null) post.viewCount = viewCount;
    }
    return post;
  }

  async feed(
    viewerId: string | null,
    scope: PostScope,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<PostSummaryDto>> {
    const limit = query.limit ?? FEED_PAGE_DEFAULT;
    const after = query.cursor ? decodeCursor(query.cursor, 'timestamp') : undefined;
    const rows = await this.reads.list({ viewerId, scope, after, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: items.map((r) => r.item),
      nextCursor: last ? encodeCursor({ key: last.cursorKey, id: last.item.id }) : null,
    };
  }

  async popular(viewerId: string | null): Promise<PostSummaryDto[]> {
    const rows = await this.reads.list({
      viewerId,
      scope: { kind: 'popular', days: POPULAR_WINDOW_DAYS },
      limit: POPULAR_COUNT,
    });
    return rows.map((r) => r.item);
  }

  async authorPosts(
    viewerId: string | null,
    authorId: string,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<PostSummaryDto>> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND deleted_at IS NULL`,
      [authorId],
    );
    if (!rows.length) throw PostErrors.userNotFound();
    return this.feed(viewerId, { kind: 'author', authorId }, query);
  }

  /** Throws 404 unless the viewer may see the post. */
  async assertVisible(viewerId: string | null, postId: string): Promise<void> {
    if (!(await this.reads.isVisible(viewerId, postId))) throw PostErrors.postNotFound();
  }
}
