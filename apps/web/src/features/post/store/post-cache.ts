import type { InfiniteData } from '@tanstack/react-query';
import type { CommentPage, PostComment, PostPage, PostSummary } from '../api/types';

/**
 * Pure updates of cached posts and comment threads, shared by the optimistic mutations and the
 * live `/post` events. Each returns the same object when nothing changed.
 */

export function withLike<P extends PostSummary>(post: P, liked: boolean, likeCount?: number): P {
  if (post.likedByMe === liked && (likeCount === undefined || likeCount === post.likeCount))
    return post;
  const delta = post.likedByMe === liked ? 0 : liked ? 1 : -1;
  return { ...post, likedByMe: liked, likeCount: likeCount ?? Math.max(0, post.likeCount + delta) };
}

export function withLikeCount<P extends PostSummary>(post: P, likeCount: number): P {
  return post.likeCount === likeCount ? post : { ...post, likeCount };
}

export function withBookmark<P extends PostSummary>(post: P, bookmarked: boolean): P {
  return post.bookmarkedByMe === bookmarked ? post : { ...post, bookmarkedByMe: bookmarked };
}

export function withCommentDelta<P extends PostSummary>(post: P, delta: number): P {
  return delta ? { ...post, commentCount: Math.max(0, post.commentCount + delta) } : post;
}

/** Applies `change` to the post wherever it appears in a paged feed. */
export function mapFeed(
  data: InfiniteData<PostPage> | undefined,
  postId: string,
  change: (post: PostSummary) => PostSummary,
): InfiniteData<PostPage> | undefined {
  if (!data) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    let pageChanged = false;
    const items = page.items.map((item) => {
      if (item.id !== postId) return item;
      const next = change(item);
      if (next !== item) pageChanged = true;
      return next;
    });
    if (!pageChanged) return page;
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/** Removes a post from a paged feed (deleted, or its author blocked). */
export function dropFromFeed(
  data: InfiniteData<PostPage> | undefined,
  postId: string,
): InfiniteData<PostPage> | undefined {
  if (!data || !data.pages.some((p) => p.items.some((i) => i.id === postId))) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((i) => i.id !== postId),
    })),
  };
}

/**
 * A new comment at the end of its thread (oldest first). Only once the whole thread is loaded:
 * with pages still to come, it arrives with the last of them, and appending now would show it twice.
 */
export function appendComment(
  data: InfiniteData<CommentPage> | undefined,
  comment: PostComment,
): InfiniteData<CommentPage> | undefined {
  if (!data || data.pages.length === 0) return data;
  if (data.pages.some((p) => p.items.some((c) => c.id === comment.id))) return data;
  const last = data.pages.at(-1);
  if (!last || last.nextCursor) return data;
  return {
    ...data,
    pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, comment] }],
  };
}

export function mapComment(
  data: InfiniteData<CommentPage> | undefined,
  commentId: string,
  change: (comment: PostComment) => PostComment | null,
): InfiniteData<CommentPage> | undefined {
  if (!data || !data.pages.some((p) => p.items.some((c) => c.id === commentId))) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.flatMap((c) => {
        if (c.id !== commentId) return [c];
        const next = change(c);
        return next ? [next] : [];
      }),
    })),
  };
}

/** A deleted comment: a placeholder while it has replies, gone otherwise. */
export function deletedComment(comment: PostComment, at: string): PostComment | null {
  if (comment.replyCount === 0) return null;
  return { ...comment, author: null, content: null, deletedAt: comment.deletedAt ?? at };
}

export function withReplyDelta(comment: PostComment, delta: number): PostComment | null {
  const replyCount = Math.max(0, comment.replyCount + delta);
  // A deleted comment whose last reply went has nothing left to show.
  if (comment.deletedAt && replyCount === 0) return null;
  return { ...comment, replyCount };
}
