import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { postKeys, type FeedKind } from './post-keys';

export const FEED_PAGE_SIZE = 20;

/** GET /api/posts: every visible post, newest first (muted authors left out when signed in). */
export function getAllPosts(cursor: string | undefined) {
  return unwrap(api.GET('/api/posts', { params: { query: { limit: FEED_PAGE_SIZE, cursor } } }));
}

/** GET /api/posts/following: posts of the people I follow. */
export function getFollowingPosts(cursor: string | undefined) {
  return unwrap(
    api.GET('/api/posts/following', { params: { query: { limit: FEED_PAGE_SIZE, cursor } } }),
  );
}

/** GET /api/posts/bookmarks: my saved posts, last saved first. */
export function getBookmarks(cursor: string | undefined) {
  return unwrap(
    api.GET('/api/posts/bookmarks', { params: { query: { limit: FEED_PAGE_SIZE, cursor } } }),
  );
}

/** GET /api/users/{userId}/posts: one author's posts, for the profile tab. */
export function getUserPosts(userId: string, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/users/{userId}/posts', {
      params: { path: { userId }, query: { limit: FEED_PAGE_SIZE, cursor } },
    }),
  );
}

function fetchFeed(kind: FeedKind, cursor: string | undefined) {
  if (kind === 'all') return getAllPosts(cursor);
  if (kind === 'following') return getFollowingPosts(cursor);
  if (kind === 'bookmarks') return getBookmarks(cursor);
  return getUserPosts(kind.userId, cursor);
}

export const feedQueryOptions = (kind: FeedKind) =>
  infiniteQueryOptions({
    queryKey: postKeys.feed(kind),
    queryFn: ({ pageParam }) => fetchFeed(kind, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useFeed(kind: FeedKind, isEnabled = true) {
  return useInfiniteQuery({ ...feedQueryOptions(kind), enabled: isEnabled });
}
