import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { postKeys } from './post-keys';

/** GET /api/posts/popular: the five most liked posts of the last seven days. */
export function getPopularPosts() {
  return unwrap(api.GET('/api/posts/popular'));
}

export const popularQueryOptions = () =>
  queryOptions({
    queryKey: postKeys.popular(),
    queryFn: getPopularPosts,
    staleTime: 60_000,
  });

export function usePopularPosts() {
  return useQuery(popularQueryOptions());
}
