import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { withBookmark } from '../store/post-cache';
import { restore, snapshotPost, updatePostEverywhere } from '../store/post-updates';
import { postKeys } from './post-keys';

/** PUT /api/posts/{postId}/bookmark (idempotent). */
export function bookmarkPost(postId: string) {
  return unwrap(api.PUT('/api/posts/{postId}/bookmark', { params: { path: { postId } } }));
}

/** DELETE /api/posts/{postId}/bookmark (idempotent). */
export function unbookmarkPost(postId: string) {
  return unwrap(api.DELETE('/api/posts/{postId}/bookmark', { params: { path: { postId } } }));
}

export function useSetBookmark(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bookmarked: boolean) =>
      bookmarked ? bookmarkPost(postId) : unbookmarkPost(postId),
    onMutate: async (bookmarked) => {
      await queryClient.cancelQueries({ queryKey: postKeys.all });
      const snapshot = snapshotPost(queryClient, postId);
      updatePostEverywhere(queryClient, postId, (p) => withBookmark(p, bookmarked));
      return { snapshot };
    },
    onError: (_err, _bookmarked, context) => {
      if (context) restore(queryClient, context.snapshot);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: postKeys.feed('bookmarks') }),
  });
}
