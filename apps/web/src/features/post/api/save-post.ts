import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { postKeys } from './post-keys';

export interface PostFields {
  title: string;
  content: string;
  imageIds: string[];
}

/** POST /api/posts. */
export function createPost(fields: PostFields) {
  return unwrap(api.POST('/api/posts', { body: fields }));
}

/** PATCH /api/posts/{postId}: text and the whole image list (kept, added, in order). */
export function updatePost(postId: string, fields: PostFields) {
  return unwrap(api.PATCH('/api/posts/{postId}', { params: { path: { postId } }, body: fields }));
}

/** DELETE /api/posts/{postId}. */
export function deletePost(postId: string) {
  return unwrap(api.DELETE('/api/posts/{postId}', { params: { path: { postId } } }));
}

export function useSavePost(postId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: PostFields) => (postId ? updatePost(postId, fields) : createPost(fields)),
    onSuccess: (post) => {
      queryClient.setQueryData(postKeys.detail(post.id), post);
      void queryClient.invalidateQueries({ queryKey: postKeys.feeds() });
    },
  });
}

export function useDeletePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePost,
    onSuccess: (_data, postId) => {
      queryClient.removeQueries({ queryKey: postKeys.detail(postId) });
      void queryClient.invalidateQueries({ queryKey: postKeys.feeds() });
      void queryClient.invalidateQueries({ queryKey: postKeys.popular() });
    },
  });
}
