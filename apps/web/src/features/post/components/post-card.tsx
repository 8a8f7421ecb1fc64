import { Link } from 'react-router';
import { Avatar } from '@/components/avatar';
import { hrefs } from '@/config/paths';
import { useI18n } from '@/i18n/i18n-provider';
import type { PostSummary } from '../api/types';
import { PostActions } from './post-actions';

/** A post in a feed: author, title, the start of the text, the first photo and the counts. */
export function PostCard({ post }: { post: PostSummary }) {
  const { t, formatDateTime } = useI18n();
  return (
    <article className="post-card card" aria-labelledby={`post-${post.id}`}>
      <header className="post-card__author">
        <Avatar nickname={post.author.nickname} url={post.author.avatarUrl} />
        <Link to={hrefs.profile(post.author.id)}>{post.author.nickname}</Link>
        <time className="muted" dateTime={post.createdAt}>
          {formatDateTime(post.createdAt)}
        </time>
      </header>
      <Link className="post-card__body" to={hrefs.post(post.id)}>
        <h2 className="post-card__title" id={`post-${post.id}`}>
          {post.title}
        </h2>
        <p className="post-card__excerpt">{post.excerpt}</p>
        {post.firstImage ? (
          <span className="post-card__image">
            <img
              src={`${post.firstImage.url}&size=thumb`}
              alt=""
              width={post.firstImage.width}
              height={post.firstImage.height}
              loading="lazy"
            />
            {post.imageCount > 1 ? (
              <span className="post-card__image-count">
                {t('post.withImages', { count: post.imageCount })}
              </span>
            ) : null}
          </span>
        ) : null}
      </Link>
      <footer className="post-card__footer">
        <PostActions post={post} />
        <span className="muted">
          {t('post.comments.count', { count: post.commentCount })} ·{' '}
          {t('post.viewCount', { count: post.viewCount })}
        </span>
      </footer>
    </article>
  );
}
