import {
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { PublicProfile, UserPage, ViewerState } from '@/lib/api-types';
import { userKeys } from './user-keys';

interface Change {
  viewer: Partial<ViewerState>;
  /** Added to the user's follower count (follow: +1, unfollow: -1). */
  followersDelta?: (current: ViewerState) => number;
}

type Snapshot = [QueryKey, unknown][];

/** Applies a relationship change to every cached view of the user; returns what it replaced. */
async function applyOptimistic(
  queryClient: QueryClient,
  userId: string,
  change: Change,
): Promise<Snapshot> {
  const profileKey = userKeys.profile(userId);
  await Promise.all([
    queryClient.cancelQueries({ queryKey: profileKey }),
    queryClient.cancelQueries({ queryKey: userKeys.lists() }),
  ]);
  const snapshot: Snapshot = [
    [profileKey, queryClient.getQueryData(profileKey)],
    ...queryClient.getQueriesData({ queryKey: userKeys.lists() }),
  ];

  queryClient.setQueryData<PublicProfile>(profileKey, (profile) => {
    if (!profile) return profile;
    const delta = change.followersDelta?.(profile.viewer) ?? 0;
    return {
      ...profile,
      viewer: { ...profile.viewer, ...change.viewer },
      counts: { ...profile.counts, followers: Math.max(0, profile.counts.followers + delta) },
    };
  });
  queryClient.setQueriesData<InfiniteData<UserPage>>({ queryKey: userKeys.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) =>
              item.id === userId ? { ...item, viewer: { ...item.viewer, ...change.viewer } } : item,
            ),
          })),
        }
      : data,
  );
  return snapshot;
}

/**
 * A follow/block/mute mutation: the UI changes at once, rolls back if the server refuses, and
 * everything that shows the user (and my own counts) is refetched afterwards.
 */
export function useRelationshipMutation(
  request: (userId: string) => Promise<unknown>,
  change: Change,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (userId: string) => {
      await request(userId);
    },
    onMutate: (userId) => applyOptimistic(queryClient, userId, change),
    onError: (_error, _userId, snapshot) => {
      snapshot?.forEach(([key, data]) => queryClient.setQueryData(key, data));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
