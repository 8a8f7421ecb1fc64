import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { userKeys } from './user-keys';

export const DIRECTORY_PAGE_SIZE = 20;
export const SUGGESTION_COUNT = 6;

/** GET /api/users: members newest first (never me, never anyone across a block), by nickname part. */
export function getDirectory(q: string, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/users', {
      params: { query: { q: q || undefined, limit: DIRECTORY_PAGE_SIZE, cursor } },
    }),
  );
}

export const directoryQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: userKeys.directory(q),
    queryFn: ({ pageParam }) => getDirectory(q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export function useDirectory(q: string) {
  return useInfiniteQuery(directoryQueryOptions(q));
}

/**
 * GET /api/users/suggestions: followed by people I follow first, then the recently active.
 * Held as a one-page list, so the shared user list and the follow cache updates apply to it.
 */
export const suggestionsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: userKeys.suggestions(),
    queryFn: async () => {
      const { items } = await unwrap(
        api.GET('/api/users/suggestions', { params: { query: { limit: SUGGESTION_COUNT } } }),
      );
      return { items, nextCursor: null };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: () => undefined,
    // A follow reorders them; keep the people on screen until the user moves on.
    staleTime: 5 * 60_000,
  });

export function useSuggestions() {
  return useInfiniteQuery(suggestionsQueryOptions());
}
