import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEventsService } from '../../infra/events/domain-events.service';
import type { BookmarkStateDto, LikeStateDto } from './dto/post.dto';
import { PostFeedService } from './post-feed.service';
import { rowsOf } from './post-read.sql';
import './post.events';

/**
 * Likes and bookmarks of a post the viewer may see. Each write is one statement, committed when
 * it returns, so like events are published right away.
 */
@Injectable()
export class PostReactionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PostFeedService) private readonly feed: PostFeedService,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {}

  /** Idempotent: the like row and the counter move in one statement, exact under concurrency. */
  async like(me: string, postId: string): Promise<LikeStateDto> {
    await this.feed.assertVisible(me, postId);
    const rows = rowsOf<{ like_count: number; author_id: string }>(
      await this.db.query(
        `WITH ins AS (
         INSERT INTO post_like (post_id, user_id)
         SELECT id, $2 FROM post WHERE id = $1 AND deleted_at IS NULL
         ON CONFLICT DO NOTHING RETURNING post_id)
       UPDATE post SET like_count = like_count + 1
        WHERE id = (SELECT post_id FROM ins) RETURNING like_count, author_id`,
        [postId, me],
      ),
    );
    if (!rows[0]) return { liked: true, likeCount: await this.likeCount(postId) };
    this.events.publish('post.like.created', {
      postId,
      actorId: me,
      postAuthorId: rows[0].author_id,
      likeCount: rows[0].like_count,
    });
    return { liked: true, likeCount: rows[0].like_count };
  }

  async unlike(me: string, postId: string): Promise<LikeStateDto> {
    await this.feed.assertVisible(me, postId);
    const rows = rowsOf<{ like_count: number; author_id: string }>(
      await this.db.query(
        `WITH del AS (
         DELETE FROM post_like WHERE post_id = $1 AND user_id = $2 RETURNING post_id)
       UPDATE post SET like_count = like_count - 1
        WHERE id = (SELECT post_id FROM del) RETURNING like_count, author_id`,
        [postId, me],
      ),
    );
    if (!rows[0]) return { liked: false, likeCount: await this.likeCount(postId) };
    this.events.publish('post.like.deleted', {
      postId,
      actorId: me,
      postAuthorId: rows[0].author_id,
      likeCount: rows[0].like_count,
    });
    return { liked: false, likeCount: rows[0].like_count };
  }

  async bookmark(me: string, postId: string): Promise<BookmarkStateDto> {
    await this.feed.assertVisible(me, postId);
    await this.db.query(
      `INSERT INTO post_bookmark (user_id, post_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [me, postId],
    );
    return { bookmarked: true };
  }

  async unbookmark(me: string, postId: string): Promise<BookmarkStateDto> {
    await this.db.query('DELETE FROM post_bookmark WHERE user_id = $1 AND post_id = $2', [
      me,
      postId,
    ]);
    return { bookmarked: false };
  }

  private async likeCount(postId: string): Promise<number> {
    const rows: { like_count: number }[] = await this.db.query(
      'SELECT like_count FROM post WHERE id = $1',
      [postId],
    );
    return rows[0]?.like_count ?? 0;
  }
}
