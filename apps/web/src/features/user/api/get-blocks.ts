import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { USER_LIST_PAGE_SIZE } from './get-user-list';
import { userKeys } from './user-keys';

export function getBlocks(cursor: string | undefined) {
  return unwrap(
    api.GET('/api/users/me/blocks', {
      params: { query: { limit: USER_LIST_PAGE_SIZE, cursor } },
    }),
  );
}

export const blocksQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: userKeys.blocks(),
    queryFn: ({ pageParam }) => getBlocks(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useBlocks() {
  return useInfiniteQuery(blocksQueryOptions());
}
