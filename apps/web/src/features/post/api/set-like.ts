import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { withLike } from '../store/post-cache';
import { restore, snapshotPost, updatePostEverywhere } from '../store/post-updates';
import { postKeys } from './post-keys';

/** PUT /api/posts/{postId}/like (idempotent). */
export function likePost(postId: string) {
  return unwrap(api.PUT('/api/posts/{postId}/like', { params: { path: { postId } } }));
}

/** DELETE /api/posts/{postId}/like (idempotent). */
export function unlikePost(postId: string) {
  return unwrap(api.DELETE('/api/posts/{postId}/like', { params: { path: { postId } } }));
}

/** Like or unlike at once on screen; the server's count replaces the guess, an error undoes it. */
export function useSetLike(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...postKeys.detail(postId), 'like'],
    mutationFn: (liked: boolean) => (liked ? likePost(postId) : unlikePost(postId)),
    onMutate: async (liked) => {
      await queryClient.cancelQueries({ queryKey: postKeys.all });
      const snapshot = snapshotPost(queryClient, postId);
      updatePostEverywhere(queryClient, postId, (p) => withLike(p, liked));
      return { snapshot };
    },
    onError: (_err, _liked, context) => {
      if (context) restore(queryClient, context.snapshot);
    },
    onSuccess: (state) => {
      updatePostEverywhere(queryClient, postId, (p) => withLike(p, state.liked, state.likeCount));
    },
  });
}
