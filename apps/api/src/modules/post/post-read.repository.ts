import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import { PerfSwitches } from '../../config/perf-switches';
import { hotStatement, type HotStatement } from '../../infra/database/prepared-statement';
import { MediaUrls } from '../media';
import { toUserSummary, type UserSummaryDto } from '../user';
import type { CommentDto, PostDetailDto, PostImageDto, PostSummaryDto } from './dto/post.dto';
import { CURSOR_AT, excerpt } from './post.policy';
import {
  CARD_COLUMNS,
  COMMENT_GONE,
  LIST_CONTENT,
  NOT_MUTED,
  pageLimit,
  rowsOf,
  VIEWER_COLUMNS,
  VISIBLE_POST,
} from './post-read.sql';

/** Which posts a list holds; every list hides removed authors and blocks either way. */
export type PostScope =
  | { kind: 'all' }
  | { kind: 'following' }
  | { kind: 'author'; authorId: string }
  | { kind: 'bookmarks' }
  | { kind: 'popular'; days: number };

export interface PostListQuery {
  viewerId: string | null;
  scope: PostScope;
  after?: { key: string; id: string };
  limit: number;
}

export interface Keyed<T> {
  item: T;
  cursorKey: string;
}

interface ImageRow {
  media_id: string;
  width: number;
  height: number;
}

interface PostRow {
  id: string;
  title: string;
  content: string;
  like_count: number;
  comment_count: number;
  view_count: number;
  created_at: Date;
  edited_at: Date | null;
  cursor_at: string;
  author_id: string;
  nickname: string;
  avatar_key: string | null;
  author_deleted_at: Date | null;
  image_count: number;
  first_image_id: string | null;
  first_image_width: number | null;
  first_image_height: number | null;
  liked: boolean;
  bookmarked: boolean;
}

interface CommentRow {
  id: string;
  post_id: string;
  parent_id: string | null;
  content: string;
  reply_count: number;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  gone: boolean;
  cursor_at: string;
  author_id: string;
  nickname: string;
  avatar_key: string | null;
  author_deleted_at: Date | null;
}

/** Read queries of posts and comments, shaped straight into the wire DTOs. */
@Injectable()
export class PostReadRepository {
  /**
   * The read statements by text. Their texts are assembled from the constants of this file only
   * (a scope, a cursor or not, a parent or not, one of five page sizes), never from input: a few
   * dozen at most.
   */
  private readonly statements = new Map<string, HotStatement<QueryResultRow>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
    @Inject(PerfSwitches) private readonly perf: PerfSwitches = new PerfSwitches(),
  ) {}

  /**
   * Runs a read statement, prepared once per connection unless PERF_PREPARED_STATEMENTS is off:
   * planning a feed page costs more than running it (1.3 ms against 0.8 ms at 100k posts).
   */
  private async run<R>(text: string, values: unknown[]): Promise<R[]> {
    let statement = this.statements.get(text);
    if (!statement) {
      const name = `post_read_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      statement = hotStatement(this.db, { name, text, prepared: this.perf.preparedStatements });
      this.statements.set(text, statement);
    }
    return (await statement.run(values)) as unknown as R[];
  }

  async list(q: PostListQuery): Promise<Keyed<PostSummaryDto>[]> {
    const params: unknown[] = [q.viewerId];
    const where = [VISIBLE_POST];
    let from = 'post p';
    let cursorColumn = 'p.created_at';
    let order = 'p.created_at DESC, p.id DESC';
    let cursorId = 'p.id';
    const scope = q.scope;
    if (scope.kind === 'all' || scope.kind === 'following' || scope.kind === 'popular') {
      if (q.viewerId) where.push(NOT_MUTED);
    }
    if (scope.kind === 'following') {
      // Read off the rows written ahead for me (post-inbox.ts), newest first.
      from = 'post_inbox ib JOIN post p ON p.id = ib.post_id';
      where.push('ib.user_id = $1');
      cursorColumn = 'ib.created_at';
      cursorId = 'ib.post_id';
      order = 'ib.created_at DESC, ib.post_id DESC';
    } else if (scope.kind === 'author') {
      params.push(scope.authorId);
      where.push(`p.author_id = $${params.length}`);
    } else if (scope.kind === 'bookmarks') {
      from = 'post_bookmark bk JOIN post p ON p.id = bk.post_id';
      where.push('bk.user_id = $1');
      cursorColumn = 'bk.created_at';
      cursorId = 'bk.post_id';
      order = 'bk.created_at DESC, bk.post_id DESC';
    } else if (scope.kind === 'popular') {
      params.push(scope.days);
      where.push(`p.created_at > now() - make_interval(days => $${params.length})`);
      order = 'p.like_count DESC, p.created_at DESC, p.id DESC';
    }
    if (q.after) {
      params.push(q.after.key, q.after.id);
      where.push(
        `(${cursorColumn}, ${cursorId}) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    // The page is chosen first and materialised with its cards, so "liked and bookmarked by me"
    // are probes on `limit` rows. Inlined, the planner expects the whole feed and answers "liked
    // by me" by hashing every like of the viewer: a scan of the like table per request (20 ms at
    // 500k likes).
    const rows = await this.run<PostRow>(
      `WITH page AS MATERIALIZED (
         SELECT ${CARD_COLUMNS}, ${LIST_CONTENT}, ${CURSOR_AT(cursorColumn)} AS cursor_at,
                row_number() OVER (ORDER BY ${order}) AS ord
           FROM ${from} JOIN app_user u ON u.id = p.author_id
          WHERE ${where.join(' AND ')}
          ORDER BY ${order} LIMIT ${pageLimit(q.limit)})
       SELECT p.*, ${VIEWER_COLUMNS} FROM page p ORDER BY p.ord`,
      params,
    );
    return rows
      .slice(0, q.limit)
      .map((row) => ({ item: this.toSummary(row), cursorKey: row.cursor_at }));
  }

  /** A visible post with its images, or null. */
  async detail(viewerId: string | null, postId: string): Promise<PostDetailDto | null> {
    const rows = await this.run<PostRow & { images: ImageRow[] }>(
      `SELECT ${CARD_COLUMNS}, ${VIEWER_COLUMNS}, p.content,
              ${CURSOR_AT('p.created_at')} AS cursor_at,
              (SELECT coalesce(json_agg(json_build_object(
                        'media_id', i.media_id, 'width', mo.width, 'height', mo.height)
                        ORDER BY i.position), '[]'::json)
                 FROM post_image i JOIN media_object mo ON mo.id = i.media_id
                WHERE i.post_id = p.id) AS images
         FROM post p JOIN app_user u ON u.id = p.author_id
        WHERE p.id = $2 AND ${VISIBLE_POST}`,
      [viewerId, postId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...this.toSummary(row),
      content: row.content,
      images: row.images.map((i) => this.image(i.media_id, i.width, i.height)),
    };
  }

  /**
   * Counts the viewer's first read of the post on this UTC day: the view row and the counter
   * move in one statement. The new count, or null when this viewer was already counted today.
   */
  async countView(viewerId: string, postId: string): Promise<number | null> {
    // Not prepared (PERF_PREPARED_STATEMENTS off), TypeORM answers an UPDATE as [rows, count].
    const rows = rowsOf<{ view_count: number }>(
      await this.run<unknown>(
        `WITH v AS (
         INSERT INTO post_view (post_id, user_id, day)
         VALUES ($1, $2, (now() AT TIME ZONE 'UTC')::date)
         ON CONFLICT DO NOTHING RETURNING post_id)
       UPDATE post SET view_count = view_count + 1
        WHERE id = (SELECT post_id FROM v) RETURNING view_count`,
        [postId, viewerId],
      ),
    );
    return rows[0]?.view_count ?? null;
  }

  /** True when the viewer may see this post (live, author not removed, no block either way). */
  async isVisible(viewerId: string | null, postId: string): Promise<boolean> {
    const rows = await this.run<unknown>(
      `SELECT 1 FROM post p JOIN app_user u ON u.id = p.author_id
        WHERE p.id = $2 AND ${VISIBLE_POST}`,
      [viewerId, postId],
    );
    return rows.length > 0;
  }

  /**
   * One page of a post's top-level comments, or of a comment's replies, oldest first. Deleted
   * comments stay only while they hold replies; removed and blocked authors' comments are hidden.
   */
  async comments(q: {
    viewerId: string | null;
    postId: string;
    parentId: string | null;
    after?: { key: string; id: string };
    limit: number;
  }): Promise<Keyed<CommentDto>[]> {
    const params: unknown[] = [q.viewerId, q.postId];
    const where = [
      'c.post_id = $2',
      `((${COMMENT_GONE}) IS NOT TRUE OR c.reply_count > 0)`,
      `($1::uuid IS NULL OR NOT EXISTS (
        SELECT 1 FROM user_block b
         WHERE (b.blocker_id = $1 AND b.blocked_id = c.author_id)
            OR (b.blocker_id = c.author_id AND b.blocked_id = $1)))`,
    ];
    if (q.parentId) {
      params.push(q.parentId);
      where.push(`c.parent_id = $${params.length}`);
    } else {
      where.push('c.parent_id IS NULL');
    }
    if (q.after) {
      params.push(q.after.key, q.after.id);
      where.push(
        `(c.created_at, c.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    const rows = await this.run<CommentRow>(
      `SELECT c.id, c.post_id, c.parent_id, c.content, c.reply_count, c.created_at, c.edited_at,
              c.deleted_at, (${COMMENT_GONE}) IS TRUE AS gone,
              ${CURSOR_AT('c.created_at')} AS cursor_at, c.author_id, u.nickname,
              u.avatar_key, u.deleted_at AS author_deleted_at
         FROM post_comment c JOIN app_user u ON u.id = c.author_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.created_at, c.id LIMIT ${pageLimit(q.limit)}`,
      params,
    );
    return rows
      .slice(0, q.limit)
      .map((row) => ({ item: toComment(row), cursorKey: row.cursor_at }));
  }

  /** One comment as the wire shows it (for acks and live events). */
  async comment(commentId: string): Promise<CommentDto | null> {
    const rows = await this.run<CommentRow>(
      `SELECT c.id, c.post_id, c.parent_id, c.content, c.reply_count, c.created_at, c.edited_at,
              c.deleted_at, (${COMMENT_GONE}) IS TRUE AS gone,
              ${CURSOR_AT('c.created_at')} AS cursor_at, c.author_id, u.nickname,
              u.avatar_key, u.deleted_at AS author_deleted_at
         FROM post_comment c JOIN app_user u ON u.id = c.author_id
        WHERE c.id = $1`,
      [commentId],
    );
    return rows[0] ? toComment(rows[0]) : null;
  }

  /** Users in a block with this one, either way: they never see each other's content live. */
  async blockedWith(userId: string): Promise<string[]> {
    const rows = await this.run<{ id: string }>(
      `SELECT blocked_id AS id FROM user_block WHERE blocker_id = $1
       UNION SELECT blocker_id FROM user_block WHERE blocked_id = $1`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  image(id: string, width: number, height: number): PostImageDto {
    return { id, url: this.urls.private(id), width, height };
  }

  private toSummary(row: PostRow): PostSummaryDto {
    return {
      id: row.id,
      title: row.title,
      excerpt: excerpt(row.content),
      author: summary(row.author_id, row.nickname, row.avatar_key, row.author_deleted_at),
      firstImage: row.first_image_id
        ? this.image(row.first_image_id, row.first_image_width ?? 0, row.first_image_height ?? 0)
        : null,
      imageCount: Number(row.image_count),
      likeCount: row.like_count,
      commentCount: row.comment_count,
      viewCount: row.view_count,
      likedByMe: row.liked,
      bookmarkedByMe: row.bookmarked,
      createdAt: row.created_at.toISOString(),
      editedAt: row.edited_at?.toISOString() ?? null,
    };
  }
}

function summary(
  id: string,
  nickname: string,
  avatarKey: string | null,
  deletedAt: Date | null,
): UserSummaryDto {
  // A withdrawn account's content stays (the "anonymize" policy) as "탈퇴한 사용자".
  return toUserSummary({ id, nickname, avatarKey, deletedAt });
}

function toComment(row: CommentRow): CommentDto {
  const gone = row.gone === true;
  return {
    id: row.id,
    postId: row.post_id,
    parentId: row.parent_id,
    author: gone
      ? null
      : summary(row.author_id, row.nickname, row.avatar_key, row.author_deleted_at),
    content: gone ? null : row.content,
    replyCount: row.reply_count,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: gone ? (row.deleted_at ?? row.created_at).toISOString() : null,
  };
}
