import type { RateLimitRule } from '../../infra/http/rate-limit.service';

export const TITLE_MAX = 100;
export const CONTENT_MAX = 20_000;
export const COMMENT_MAX = 2_000;
export const IMAGES_MAX = 10;
export const FEED_PAGE_DEFAULT = 20;
export const FEED_PAGE_MAX = 50;
export const COMMENT_PAGE_DEFAULT = 30;
export const COMMENT_PAGE_MAX = 100;
export const POPULAR_COUNT = 5;
export const POPULAR_WINDOW_DAYS = 7;
/** Characters of the content shown on a feed card. */
export const EXCERPT_LENGTH = 200;

export const PostLimits = {
  createPerUser: { name: 'post-create-user', limit: 10, windowSec: 600 },
  commentPerUser: { name: 'post-comment-user', limit: 20, windowSec: 60 },
} satisfies Record<string, RateLimitRule>;

/** The images an edit takes away (to delete after commit) and the ones it adds (to check). */
export function imagesChange(
  current: readonly string[],
  next: readonly string[],
): { removed: string[]; added: string[] } {
  const now = new Set(next);
  const before = new Set(current);
  return {
    removed: current.filter((id) => !now.has(id)),
    added: next.filter((id) => !before.has(id)),
  };
}

/** The first characters of the content for a card, cut on a code point, never mid-surrogate. */
export function excerpt(content: string, length = EXCERPT_LENGTH): string {
  // No more UTF-16 units than the length: no more code points either (every card of a feed).
  if (content.length <= length) return content;
  let end = 0;
  for (let count = 0; count < length && end < content.length; count++) {
    const unit = content.charCodeAt(end);
    const low = content.charCodeAt(end + 1);
    end += unit >= 0xd800 && unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  }
  return end >= content.length ? content : `${content.slice(0, end)}…`;
}

export interface CommentParent {
  postId: string;
  parentId: string | null;
  deletedAt: Date | null;
}

/** Why a reply cannot hang under this comment, or null when it can. */
export function replyRefusal(
  postId: string,
  parent: CommentParent | null,
): 'not-found' | 'depth' | null {
  if (!parent || parent.postId !== postId || parent.deletedAt) return 'not-found';
  if (parent.parentId !== null) return 'depth';
  return null;
}

/**
 * A deleted comment stays in its thread only while it has live replies (shown as
 * "삭제된 댓글입니다"); otherwise it is gone from the list.
 */
export function commentListed(comment: { deletedAt: Date | null; replyCount: number }): boolean {
  return !comment.deletedAt || comment.replyCount > 0;
}

/** Microsecond UTC text of a timestamptz, as the keyset cursor keeps it. */
export const CURSOR_AT = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
