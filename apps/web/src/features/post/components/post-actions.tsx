import { useT } from '@/i18n/i18n-provider';
import { useSignedIn } from '../hooks/use-signed-in';
import { useSetBookmark } from '../api/set-bookmark';
import { useSetLike } from '../api/set-like';
import type { PostSummary } from '../api/types';

/** Like and save, applied on screen at once (the server's answer settles the count). */
export function PostActions({ post }: { post: PostSummary }) {
  const t = useT();
  const like = useSetLike(post.id);
  const bookmark = useSetBookmark(post.id);
  const isSignedIn = useSignedIn();
  return (
    <div className="post-actions">
      <button
        className={post.likedByMe ? 'post-actions__like is-on' : 'post-actions__like'}
        type="button"
        aria-pressed={post.likedByMe}
        disabled={!isSignedIn}
        title={isSignedIn ? undefined : t('post.signInToLike')}
        onClick={() => like.mutate(!post.likedByMe)}
      >
        <span aria-hidden="true">{post.likedByMe ? '♥' : '♡'}</span>{' '}
        {t('post.likeCount', { count: post.likeCount })}
      </button>
      <button
        className={post.bookmarkedByMe ? 'post-actions__bookmark is-on' : 'post-actions__bookmark'}
        type="button"
        aria-pressed={post.bookmarkedByMe}
        disabled={!isSignedIn}
        title={isSignedIn ? undefined : t('post.signInToLike')}
        onClick={() => bookmark.mutate(!post.bookmarkedByMe)}
      >
        {post.bookmarkedByMe ? t('post.bookmarked') : t('post.bookmark')}
      </button>
    </div>
  );
}
