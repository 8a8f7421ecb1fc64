import type { Ack } from '../errors';
import type { UserSummary } from './user.socket';

/** A comment or reply as every payload shows it (REST lists and `/post` events alike). */
export interface PostComment {
  id: string;
  postId: string;
  /** The top-level comment this replies to; null for a top-level comment. */
  parentId: string | null;
  /** Null once deleted (shown as "삭제된 댓글입니다" while it keeps replies). */
  author: UserSummary | null;
  content: string | null;
  replyCount: number;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface PostCommentDeleted {
  postId: string;
  commentId: string;
  parentId: string | null;
}

export interface PostLikeCount {
  postId: string;
  likeCount: number;
}

export interface PostRef {
  postId: string;
}

/** Server → client events on `/post`, to the viewers of `post:<id>`. */
export interface PostServerEvents {
  'comment.created': (payload: PostComment) => void;
  'comment.updated': (payload: PostComment) => void;
  'comment.deleted': (payload: PostCommentDeleted) => void;
  'like.updated': (payload: PostLikeCount) => void;
  /** The post's text or images changed: refetch it. */
  'post.updated': (payload: PostRef) => void;
  'post.deleted': (payload: PostRef) => void;
}

/** Client → server events on `/post`; every one answers through its ack. */
export interface PostClientEvents {
  /** Starts the live view of a post the viewer may see (else `POST_NOT_FOUND`). */
  'post.watch': (payload: PostRef, ack: (res: Ack<PostRef>) => void) => void;
  'post.unwatch': (payload: PostRef, ack: (res: Ack<PostRef>) => void) => void;
}
