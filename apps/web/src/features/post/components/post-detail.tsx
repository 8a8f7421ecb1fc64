import { Link, useNavigate } from 'react-router';
import { Avatar } from '@/components/avatar';
import { FormAlert } from '@/components/form-alert';
import { hrefs, paths } from '@/config/paths';
import { useI18n } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useDeletePost } from '../api/save-post';
import type { PostDetail } from '../api/types';
import { CommentThread } from './comment-thread';
import { ImageSlider } from './image-slider';
import { PlainText } from './plain-text';
import { PostActions } from './post-actions';

/** A post in full: author, text, photos, counts, my actions, and the comment thread. */
export function PostDetailView({ post, viewerId }: { post: PostDetail; viewerId: string | null }) {
  const { t, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const remove = useDeletePost();
  const isMine = viewerId === post.author.id;
  return (
    <div className="post-detail stack">
      <article className="post-detail__post card" aria-label={post.title}>
        <header className="post-card__author">
          <Avatar nickname={post.author.nickname} url={post.author.avatarUrl} />
          <Link to={hrefs.profile(post.author.id)}>{post.author.nickname}</Link>
          <time className="muted" dateTime={post.createdAt}>
            {formatDateTime(post.createdAt)}
          </time>
          {post.editedAt ? <span className="muted">{t('post.edited')}</span> : null}
          {isMine ? (
            <span className="post-detail__owner">
              <Link className="button button--ghost" to={hrefs.postEdit(post.id)}>
                {t('post.edit')}
              </Link>
              <button
                className="button button--ghost"
                type="button"
                disabled={remove.isPending}
                onClick={() => {
                  if (!window.confirm(t('post.deleteConfirm'))) return;
                  remove.mutate(post.id, { onSuccess: () => void navigate(paths.feed) });
                }}
              >
                {t('post.delete')}
              </button>
            </span>
          ) : null}
        </header>
        {remove.isError ? <FormAlert>{errorMessage(remove.error)}</FormAlert> : null}
        <ImageSlider images={post.images} title={post.title} />
        <PlainText className="post-detail__content" text={post.content} />
        <footer className="post-card__footer">
          <PostActions post={post} />
          <span className="muted">
            {t('post.comments.count', { count: post.commentCount })} ·{' '}
            {t('post.viewCount', { count: post.viewCount })}
          </span>
        </footer>
      </article>
      <CommentThread postId={post.id} viewerId={viewerId} />
    </div>
  );
}
