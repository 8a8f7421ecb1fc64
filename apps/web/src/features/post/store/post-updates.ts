import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { postKeys } from '../api/post-keys';
import type { PopularPosts, PostDetail, PostPage, PostSummary } from '../api/types';
import { dropFromFeed, mapFeed } from './post-cache';

export type CacheSnapshot = [QueryKey, unknown][];

/** Every cached view of a post (detail, feeds, popular); for an optimistic change and its undo. */
export function snapshotPost(queryClient: QueryClient, postId: string): CacheSnapshot {
  return [
    [postKeys.detail(postId), queryClient.getQueryData(postKeys.detail(postId))],
    [postKeys.popular(), queryClient.getQueryData(postKeys.popular())],
    ...queryClient.getQueriesData({ queryKey: postKeys.feeds() }),
  ];
}

export function restore(queryClient: QueryClient, snapshot: CacheSnapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}

/** Applies `change` to the post wherever it is cached. */
export function updatePostEverywhere(
  queryClient: QueryClient,
  postId: string,
  change: <P extends PostSummary>(post: P) => P,
): void {
  queryClient.setQueryData<PostDetail>(postKeys.detail(postId), (post) =>
    post ? change(post) : post,
  );
  queryClient.setQueryData<PopularPosts>(postKeys.popular(), (popular) =>
    popular ? { items: popular.items.map((p) => (p.id === postId ? change(p) : p)) } : popular,
  );
  queryClient.setQueriesData<InfiniteData<PostPage>>({ queryKey: postKeys.feeds() }, (data) =>
    mapFeed(data, postId, change),
  );
}

export function removePostEverywhere(queryClient: QueryClient, postId: string): void {
  queryClient.setQueriesData<InfiniteData<PostPage>>({ queryKey: postKeys.feeds() }, (data) =>
    dropFromFeed(data, postId),
  );
  queryClient.setQueryData<PopularPosts>(postKeys.popular(), (popular) =>
    popular ? { items: popular.items.filter((p) => p.id !== postId) } : popular,
  );
}
