import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../infra/http/pagination/keyset-cursor';
import type { Page } from '../../infra/http/pagination/cursor-query.dto';
import type { PostDetailDto, PostSummaryDto } from './dto/post.dto';
import { PostReadRepository, PostScope, rowsOf } from './post-read.repository';
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
      // Once per viewer per UTC day: the view row and the counter move in one statement.
      const counted = rowsOf<{ view_count: number }>(
        await this.db.query(
          `WITH v AS (
           INSERT INTO post_view (post_id, user_id, day)
           VALUES ($1, $2, (now() AT TIME ZONE 'UTC')::date)
           ON CONFLICT DO NOTHING RETURNING post_id)
         UPDATE post SET view_count = view_count + 1
          WHERE id = (SELECT post_id FROM v) RETURNING view_count`,
          [postId, viewerId],
        ),
      );
      if (counted[0]) post.viewCount = counted[0].view_count;
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
