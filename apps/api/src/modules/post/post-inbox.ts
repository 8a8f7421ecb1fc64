import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent } from '../../infra/events/on-domain-event.decorator';
import type { DomainEventMap } from '../../infra/events/domain-event-map';

/**
 * Serialises the writes of one author's Following rows: a new post's fan-out, a follow's copy of
 * the author's posts and an unfollow's removal each take it, so whichever commits second sees
 * what the other wrote. Without it, a post written while someone follows its author would reach
 * neither, and one written while someone unfollows would stay in their feed.
 */
export async function lockAuthorInboxes(tx: EntityManager, authorId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `post-inbox:${authorId}`,
  ]);
}

/** Adds a new post to its author's followers' Following feeds, in the post's transaction. */
export async function fanOutPost(tx: EntityManager, postId: string): Promise<void> {
  await tx.query(
    `INSERT INTO post_inbox (user_id, post_id, author_id, created_at)
     SELECT f.follower_id, p.id, p.author_id, p.created_at
       FROM post p JOIN user_follow f ON f.followee_id = p.author_id
       JOIN app_user fu ON fu.id = f.follower_id AND fu.deleted_at IS NULL
      WHERE p.id = $1
     ON CONFLICT DO NOTHING`,
    [postId],
  );
}

/** Keeps the Following rows in step with follows, inside the follow's own transaction. */
@Injectable()
export class PostInboxFollows {
  @OnDomainEvent('user.follow.created', { phase: 'inTransaction' })
  async followed(event: DomainEventMap['user.follow.created'], tx: EntityManager): Promise<void> {
    await lockAuthorInboxes(tx, event.followeeId);
    await tx.query(
      `INSERT INTO post_inbox (user_id, post_id, author_id, created_at)
       SELECT $1, p.id, p.author_id, p.created_at FROM post p
        WHERE p.author_id = $2 AND p.deleted_at IS NULL
        ORDER BY p.id -- the posts' key-share locks in the order account removal takes them
       ON CONFLICT DO NOTHING`,
      [event.followerId, event.followeeId],
    );
  }

  @OnDomainEvent('user.follow.deleted', { phase: 'inTransaction' })
  async unfollowed(event: DomainEventMap['user.follow.deleted'], tx: EntityManager): Promise<void> {
    await lockAuthorInboxes(tx, event.followeeId);
    await tx.query(
      `DELETE FROM post_inbox i USING post p
        WHERE i.user_id = $1 AND p.id = i.post_id AND p.author_id = $2`,
      [event.followerId, event.followeeId],
    );
  }
}
