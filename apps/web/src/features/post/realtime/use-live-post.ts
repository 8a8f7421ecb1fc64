import type { PostComment, PostCommentDeleted, PostLikeCount, PostRef } from '@orgo/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSocket } from '@/lib/realtime-provider';
import { useCommentCache } from '../api/comments';
import { postKeys } from '../api/post-keys';
import { withLikeCount } from '../store/post-cache';
import { removePostEverywhere, updatePostEverywhere } from '../store/post-updates';

/**
 * Keeps an open post live over `/post`: watches it on every (re)connect and applies new comments,
 * edits, deletions and like counts to the cache. Returns true once the author deleted the post.
 */
export function useLivePost(postId: string, isEnabled: boolean): { isDeleted: boolean } {
  const socket = useSocket('/post');
  const queryClient = useQueryClient();
  const comments = useCommentCache(postId);
  const [isDeleted, setDeleted] = useState(false);

  useEffect(() => {
    if (!isEnabled) return;
    const mine = (payload: { postId: string }) => payload.postId === postId;
    const watch = () => socket.emit('post.watch', { postId }, () => undefined);
    const onCreated = (comment: PostComment) => mine(comment) && comments.added(comment);
    const onUpdated = (comment: PostComment) => mine(comment) && comments.updated(comment);
    const onDeleted = (e: PostCommentDeleted) =>
      mine(e) && comments.removed(e.commentId, e.parentId);
    const onLikes = (e: PostLikeCount) =>
      mine(e) && updatePostEverywhere(queryClient, postId, (p) => withLikeCount(p, e.likeCount));
    const onPostUpdated = (e: PostRef) =>
      mine(e) && void queryClient.invalidateQueries({ queryKey: postKeys.detail(postId) });
    const onPostDeleted = (e: PostRef) => {
      if (!mine(e)) return;
      removePostEverywhere(queryClient, postId);
      setDeleted(true);
    };
    socket.on('comment.created', onCreated);
    socket.on('comment.updated', onUpdated);
    socket.on('comment.deleted', onDeleted);
    socket.on('like.updated', onLikes);
    socket.on('post.updated', onPostUpdated);
    socket.on('post.deleted', onPostDeleted);
    socket.on('connect', watch);
    if (socket.connected) watch();
    return () => {
      socket.off('comment.created', onCreated);
      socket.off('comment.updated', onUpdated);
      socket.off('comment.deleted', onDeleted);
      socket.off('like.updated', onLikes);
      socket.off('post.updated', onPostUpdated);
      socket.off('post.deleted', onPostDeleted);
      socket.off('connect', watch);
      if (socket.connected) socket.emit('post.unwatch', { postId }, () => undefined);
    };
    // `comments` is rebuilt each render; its methods only close over stable values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [socket, queryClient, postId, isEnabled]);

  return { isDeleted };
}
