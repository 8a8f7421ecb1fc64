/**
 * Post domain events, released after commit. Consumers (notifications, search, the `/post`
 * gateway) get the acting user and the owners they may need to notify, never a row to re-read.
 */
export interface PostEventPayload {
  postId: string;
  /** Who did it (for `post.deleted` by an account removal: the author). */
  actorId: string;
  postAuthorId: string;
}

export interface PostCommentEventPayload extends PostEventPayload {
  commentId: string;
  commentAuthorId: string;
  /** The comment replied to, or null for a top-level comment. */
  parentId: string | null;
  parentAuthorId: string | null;
}

export interface PostLikeEventPayload extends PostEventPayload {
  /** The post's like count right after this change. */
  likeCount: number;
}

declare module '../../infra/events/domain-event-map' {
  interface DomainEventMap {
    'post.created': PostEventPayload & { title: string };
    'post.updated': PostEventPayload & { title: string };
    'post.deleted': PostEventPayload;
    'post.comment.created': PostCommentEventPayload;
    'post.comment.updated': PostCommentEventPayload;
    'post.comment.deleted': PostCommentEventPayload;
    'post.like.created': PostLikeEventPayload;
    'post.like.deleted': PostLikeEventPayload;
  }
}
