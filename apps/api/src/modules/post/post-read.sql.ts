import { EXCERPT_LENGTH } from './post.policy';

// The SQL pieces the post reads are assembled from. Every statement text is built from these
// constants and validated page sizes only, never from input (see PostReadRepository.run).

/**
 * The visibility rule every read shares: a live post whose author was not removed (the `remove`
 * policy hides the content from the moment of withdrawal, before the follow-up soft-deletes it),
 * and for a signed-in viewer no block either way. `$1` is the viewer (null for anonymous).
 */
export const VISIBLE_POST = `p.deleted_at IS NULL
  AND u.deletion_content_policy IS DISTINCT FROM 'remove'
  AND ($1::uuid IS NULL OR NOT EXISTS (
    SELECT 1 FROM user_block b
     WHERE (b.blocker_id = $1 AND b.blocked_id = p.author_id)
        OR (b.blocker_id = p.author_id AND b.blocked_id = $1)))`;

/**
 * A deleted comment, or one whose author was removed (before the follow-up soft-deletes it):
 * listed only as a placeholder while it holds replies.
 */
export const COMMENT_GONE = `c.deleted_at IS NOT NULL OR u.deletion_content_policy = 'remove'`;

export const NOT_MUTED = `NOT EXISTS (
    SELECT 1 FROM user_mute m WHERE m.muter_id = $1 AND m.muted_id = p.author_id)`;

/**
 * A list reads only the start of the content, one character past the excerpt (`left` counts
 * characters, as `excerpt` does), so it knows whether to add "…" without fetching up to 20,000.
 */
export const LIST_CONTENT = `left(p.content, ${EXCERPT_LENGTH + 1}) AS content`;

/** What a card shows of a post and its author, the same for every viewer. */
export const CARD_COLUMNS = `p.id, p.title, p.like_count, p.comment_count, p.view_count,
  p.created_at, p.edited_at, p.author_id, u.nickname, u.avatar_key,
  u.deleted_at AS author_deleted_at, p.image_count, p.cover_media_id AS first_image_id,
  p.cover_width AS first_image_width, p.cover_height AS first_image_height`;

/** Whether the viewer (`$1`, null for anonymous) liked and bookmarked the post `p`. */
export const VIEWER_COLUMNS = `($1::uuid IS NOT NULL AND EXISTS (
    SELECT 1 FROM post_like l WHERE l.post_id = p.id AND l.user_id = $1)) AS liked,
  ($1::uuid IS NOT NULL AND EXISTS (
    SELECT 1 FROM post_bookmark k WHERE k.post_id = p.id AND k.user_id = $1)) AS bookmarked`;

/**
 * A page size written into a statement's text, rounded up to one of a few sizes (the rows past
 * the asked-for limit are cut off after the read). A parameter would leave a prepared statement on
 * custom plans (the planner cannot cost `LIMIT $n` generically), planned again on every run; the
 * exact number would make a statement per page size on every connection.
 */
const PAGE_SIZES = [6, 11, 21, 51, 101];

export function pageLimit(limit: number): number {
  const size = PAGE_SIZES.find((n) => n >= limit);
  if (!Number.isInteger(limit) || limit < 1 || size === undefined)
    throw new RangeError('page limit');
  return size;
}

/**
 * The rows of a raw statement. For UPDATE and DELETE (also inside a WITH), TypeORM's Postgres
 * driver answers `[rows, affectedCount]` instead of the rows.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}
