import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import {
  appendComment,
  deletedComment,
  mapComment,
  withCommentDelta,
  withReplyDelta,
} from '../store/post-cache';
import { updatePostEverywhere } from '../store/post-updates';
import { postKeys } from './post-keys';
import type { CommentPage, PostComment } from './types';

export const COMMENT_PAGE_SIZE = 30;

/** GET /api/posts/{postId}/comments: top-level comments, or with `parentId` one's replies. */
export function getComments(postId: string, parentId: string | null, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/posts/{postId}/comments', {
      params: {
        path: { postId },
        query: { limit: COMMENT_PAGE_SIZE, cursor, parentId: parentId ?? undefined },
      },
    }),
  );
}

export const commentsQueryOptions = (postId: string, parentId: string | null) =>
  infiniteQueryOptions({
    queryKey: postKeys.thread(postId, parentId),
    queryFn: ({ pageParam }) => getComments(postId, parentId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useComments(postId: string, parentId: string | null, isEnabled = true) {
  return useInfiniteQuery({ ...commentsQueryOptions(postId, parentId), enabled: isEnabled });
}

/** POST /api/posts/{postId}/comments. */
export function createComment(postId: string, content: string, parentId: string | null) {
  return unwrap(
    api.POST('/api/posts/{postId}/comments', {
      params: { path: { postId } },
      body: { content, ...(parentId ? { parentId } : {}) },
    }),
  );
}

/** PATCH /api/posts/{postId}/comments/{commentId}: my own comment. */
export function editComment(postId: string, commentId: string, content: string) {
  return unwrap(
    api.PATCH('/api/posts/{postId}/comments/{commentId}', {
      params: { path: { postId, commentId } },
      body: { content },
    }),
  );
}

/** DELETE /api/posts/{postId}/comments/{commentId}: my own comment. */
export function deleteComment(postId: string, commentId: string) {
  return unwrap(
    api.DELETE('/api/posts/{postId}/comments/{commentId}', {
      params: { path: { postId, commentId } },
    }),
  );
}

type Thread = InfiniteData<CommentPage>;

/**
 * Changes already applied per client: my own comment arrives twice (the answer and the live
 * event), and a thread not loaded yet cannot tell by itself whether a count moved already.
 */
const applied = new WeakMap<QueryClient, Set<string>>();

function firstTime(queryClient: QueryClient, change: string): boolean {
  let seen = applied.get(queryClient);
  if (!seen) applied.set(queryClient, (seen = new Set()));
  if (seen.has(change)) return false;
  seen.add(change);
  return true;
}

/** Cache changes for a comment that now exists (mine, acked, or someone's, live). */
export function useCommentCache(postId: string) {
  const queryClient = useQueryClient();
  const setThread = (
    parentId: string | null,
    change: (t: Thread | undefined) => Thread | undefined,
  ) => queryClient.setQueryData<Thread>(postKeys.thread(postId, parentId), change);
  return {
    added(comment: PostComment) {
      if (!firstTime(queryClient, `added:${comment.id}`)) return;
      setThread(comment.parentId, (t) => appendComment(t, comment));
      if (comment.parentId)
        setThread(null, (t) => mapComment(t, comment.parentId!, (c) => withReplyDelta(c, 1)));
      updatePostEverywhere(queryClient, postId, (p) => withCommentDelta(p, 1));
    },
    updated(comment: PostComment) {
      setThread(comment.parentId, (t) => mapComment(t, comment.id, () => comment));
    },
    removed(commentId: string, parentId: string | null) {
      if (!firstTime(queryClient, `removed:${commentId}`)) return;
      const at = new Date().toISOString();
      setThread(parentId, (t) => mapComment(t, commentId, (c) => deletedComment(c, at)));
      if (parentId) setThread(null, (t) => mapComment(t, parentId, (c) => withReplyDelta(c, -1)));
      updatePostEverywhere(queryClient, postId, (p) => withCommentDelta(p, -1));
    },
  };
}

export function useCreateComment(postId: string) {
  const cache = useCommentCache(postId);
  return useMutation({
    mutationFn: (input: { content: string; parentId: string | null }) =>
      createComment(postId, input.content, input.parentId),
    onSuccess: (comment) => cache.added(comment),
  });
}

export function useEditComment(postId: string) {
  const cache = useCommentCache(postId);
  return useMutation({
    mutationFn: (input: { commentId: string; content: string }) =>
      editComment(postId, input.commentId, input.content),
    onSuccess: (comment) => cache.updated(comment),
  });
}

export function useDeleteComment(postId: string) {
  const cache = useCommentCache(postId);
  return useMutation({
    mutationFn: (comment: PostComment) => deleteComment(postId, comment.id),
    onSuccess: (_data, comment) => cache.removed(comment.id, comment.parentId),
  });
}
