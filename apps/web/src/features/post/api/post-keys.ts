export type FeedKind = 'all' | 'following' | 'bookmarks' | { userId: string };

export const postKeys = {
  all: ['post'] as const,
  feeds: () => [...postKeys.all, 'feed'] as const,
  feed: (kind: FeedKind) =>
    [...postKeys.feeds(), typeof kind === 'string' ? kind : `user:${kind.userId}`] as const,
  popular: () => [...postKeys.all, 'popular'] as const,
  details: () => [...postKeys.all, 'detail'] as const,
  detail: (postId: string) => [...postKeys.details(), postId] as const,
  comments: (postId: string) => [...postKeys.all, 'comments', postId] as const,
  thread: (postId: string, parentId: string | null) =>
    [...postKeys.comments(postId), parentId ?? 'top'] as const,
};
