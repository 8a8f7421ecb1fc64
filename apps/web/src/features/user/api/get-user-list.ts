import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { userKeys, type UserListKind } from './user-keys';

export const USER_LIST_PAGE_SIZE = 20;

/** GET /api/users/{id}/followers and /following: one fetcher, the list kind picks the path. */
export function getUserList(id: string, kind: UserListKind, cursor: string | undefined) {
  const params = { path: { id }, query: { limit: USER_LIST_PAGE_SIZE, cursor } };
  return unwrap(
    kind === 'followers'
      ? api.GET('/api/users/{id}/followers', { params })
      : api.GET('/api/users/{id}/following', { params }),
  );
}

export const userListQueryOptions = (id: string, kind: UserListKind) =>
  infiniteQueryOptions({
    queryKey: userKeys.list(id, kind),
    queryFn: ({ pageParam }) => getUserList(id, kind, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useUserList(id: string, kind: UserListKind) {
  return useInfiniteQuery(userListQueryOptions(id, kind));
}
