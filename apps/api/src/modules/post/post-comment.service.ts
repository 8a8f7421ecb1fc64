import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { DomainEventsService } from '../../infra/events/domain-events.service';
import type { Page } from '../../infra/http/pagination/cursor-query.dto';
import { decodeCursor, encodeCursor } from '../../infra/http/pagination/keyset-cursor';
import { RateLimitService } from '../../infra/http/rate-limit.service';
import type { CommentQueryDto } from './dto/post-input.dto';
import type { CommentDto } from './dto/post.dto';
import { PostReadRepository } from './post-read.repository';
import { rowsOf } from './post-read.sql';
import { PostErrors } from './post.errors';
import type { PostCommentEventPayload } from './post.events';
import { COMMENT_PAGE_DEFAULT, PostLimits, replyRefusal } from './post.policy';

interface CommentRow {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string;
  deleted_at: Date | null;
}

/**
 * Comments and one level of replies. A write locks the post row (the comment count moves with
 * it) and the parent comment (its reply count), so counts stay exact under concurrent writes.
 */
@Injectable()
export class PostCommentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PostReadRepository) private readonly reads: PostReadRepository,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {}

  async list(
    viewerId: string | null,
    postId: string,
    query: CommentQueryDto,
  ): Promise<Page<CommentDto>> {
    if (!(await this.reads.isVisible(viewerId, postId))) throw PostErrors.postNotFound();
    const limit = query.limit ?? COMMENT_PAGE_DEFAULT;
    const after = query.cursor ? decodeCursor(query.cursor, 'timestamp') : undefined;
    const rows = await this.reads.comments({
      viewerId,
      postId,
      parentId: query.parentId ?? null,
      after,
      limit: limit + 1,
    });
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: rows.slice(0, limit).map((r) => r.item),
      nextCursor: last ? encodeCursor({ key: last.cursorKey, id: last.item.id }) : null,
    };
  }

  async create(
    me: string,
    postId: string,
    input: { content: string; parentId?: string },
  ): Promise<CommentDto> {
    if (!(await this.reads.isVisible(me, postId))) throw PostErrors.postNotFound();
    if (this.limits.enabled)
      RateLimitService.assertWithin(
        await this.limits.hit(PostLimits.commentPerUser, me),
        'You are commenting too fast. Try again later.',
      );
    const commentId = await this.writing(() =>
      this.db.transaction(async (tx) => {
        const [post] = rowsOf<{ author_id: string }>(
          await tx.query(
            `UPDATE post SET comment_count = comment_count + 1
            WHERE id = $1 AND deleted_at IS NULL RETURNING author_id`,
            [postId],
          ),
        );
        if (!post) throw PostErrors.postNotFound();
        let parent: CommentRow | null = null;
        if (input.parentId) {
          [parent] = await tx.query(
            `SELECT id, post_id, parent_id, author_id, deleted_at FROM post_comment
              WHERE id = $1 FOR UPDATE`,
            [input.parentId],
          );
          // A comment hidden from me (its author and I are in a block) takes no reply from me.
          const hidden = parent ? await this.inBlock(tx, me, parent.author_id) : false;
          const refusal = replyRefusal(postId, parent && !hidden ? toParent(parent) : null);
          if (refusal === 'depth') throw PostErrors.replyDepth();
          if (refusal) throw PostErrors.commentNotFound();
          await tx.query('UPDATE post_comment SET reply_count = reply_count + 1 WHERE id = $1', [
            input.parentId,
          ]);
        }
        const [row]: { id: string }[] = await tx.query(
          `INSERT INTO post_comment (post_id, author_id, parent_id, content)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [postId, me, input.parentId ?? null, input.content],
        );
        this.events.record(tx, 'post.comment.created', {
          postId,
          actorId: me,
          postAuthorId: post.author_id,
          commentId: row.id,
          commentAuthorId: me,
          parentId: parent?.id ?? null,
          parentAuthorId: parent?.author_id ?? null,
        });
        return row.id;
      }),
    );
    return this.commentOrFail(commentId);
  }

  async edit(me: string, postId: string, commentId: string, content: string): Promise<CommentDto> {
    // As for writing one: a post I can no longer see (a block since) takes no edits either.
    if (!(await this.reads.isVisible(me, postId))) throw PostErrors.postNotFound();
    await this.writing(() =>
      this.db.transaction(async (tx) => {
        const { comment, payload } = await this.lockOwn(tx, me, postId, commentId);
        await tx.query(
          'UPDATE post_comment SET content = $2, edited_at = clock_timestamp() WHERE id = $1',
          [comment.id, content],
        );
        this.events.record(tx, 'post.comment.updated', payload);
      }),
    );
    return this.commentOrFail(commentId);
  }

  /** Soft delete: a comment with replies stays as "삭제된 댓글입니다"; counts drop by one. */
  async remove(me: string, postId: string, commentId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Post first, then comments: the same lock order as create.
      await tx.query('SELECT 1 FROM post WHERE id = $1 FOR UPDATE', [postId]);
      const { comment, payload } = await this.lockOwn(tx, me, postId, commentId);
      await tx.query('UPDATE post_comment SET deleted_at = clock_timestamp() WHERE id = $1', [
        comment.id,
      ]);
      await tx.query(
        'UPDATE post SET comment_count = comment_count - 1 WHERE id = $1 AND comment_count > 0',
        [postId],
      );
      if (comment.parent_id)
        await tx.query(
          `UPDATE post_comment SET reply_count = reply_count - 1
            WHERE id = $1 AND reply_count > 0`,
          [comment.parent_id],
        );
      this.events.record(tx, 'post.comment.deleted', payload);
    });
  }

  private async inBlock(tx: { query: DataSource['query'] }, a: string, b: string) {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM user_block
        WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1)`,
      [a, b],
    );
    return rows.length > 0;
  }

  private async commentOrFail(commentId: string): Promise<CommentDto> {
    const comment = await this.reads.comment(commentId);
    if (!comment) throw PostErrors.commentNotFound();
    return comment;
  }

  /**
   * The caller's live comment on a live post, locked. A comment of another post (or a missing
   * one) is not found; someone else's is 403; an already deleted one 409.
   */
  private async lockOwn(
    tx: { query: DataSource['query'] },
    me: string,
    postId: string,
    commentId: string,
  ): Promise<{ comment: CommentRow; payload: PostCommentEventPayload }> {
    const [comment]: (CommentRow & {
      post_author_id: string;
      post_deleted_at: Date | null;
      parent_author_id: string | null;
    })[] = await tx.query(
      `SELECT c.id, c.post_id, c.parent_id, c.author_id, c.deleted_at,
              p.author_id AS post_author_id, p.deleted_at AS post_deleted_at,
              pc.author_id AS parent_author_id
         FROM post_comment c JOIN post p ON p.id = c.post_id
         LEFT JOIN post_comment pc ON pc.id = c.parent_id
        WHERE c.id = $1 AND c.post_id = $2 FOR UPDATE OF c`,
      [commentId, postId],
    );
    if (!comment || comment.post_deleted_at) throw PostErrors.commentNotFound();
    if (comment.author_id !== me) throw PostErrors.commentNotOwn();
    if (comment.deleted_at) throw PostErrors.commentDeleted();
    return {
      comment,
      payload: {
        postId,
        actorId: me,
        postAuthorId: comment.post_author_id,
        commentId,
        commentAuthorId: comment.author_id,
        parentId: comment.parent_id,
        parentAuthorId: comment.parent_author_id,
      },
    };
  }

  private async writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const code = (err as QueryFailedError & { driverError?: { code?: string } }).driverError
        ?.code;
      if (err instanceof QueryFailedError && code && /^22/.test(code))
        throw PostErrors.contentInvalid();
      throw err;
    }
  }
}

function toParent(row: CommentRow) {
  return { postId: row.post_id, parentId: row.parent_id, deletedAt: row.deleted_at };
}
