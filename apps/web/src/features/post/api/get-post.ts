import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { postKeys } from './post-keys';

/** GET /api/posts/{postId}: the post with its images; a signed-in read counts a view. */
export function getPost(postId: string) {
  return unwrap(api.GET('/api/posts/{postId}', { params: { path: { postId } } }));
}

export const postQueryOptions = (postId: string) =>
  queryOptions({
    queryKey: postKeys.detail(postId),
    queryFn: () => getPost(postId),
    // A missing or hidden post stays missing: no retries on 4xx.
    retry: (count, error) => count < 2 && !(error as { status?: number }).status,
  });

export function usePost(postId: string) {
  return useQuery(postQueryOptions(postId));
}
