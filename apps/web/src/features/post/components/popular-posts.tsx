import { Link } from 'react-router';
import { hrefs } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { usePopularPosts } from '../api/get-popular';

/** The five most liked posts of the week; quietly absent when it cannot load. */
export function PopularPosts() {
  const t = useT();
  const popular = usePopularPosts();
  return (
    <aside className="popular-posts card" aria-labelledby="popular-posts-title">
      <h2 className="popular-posts__title" id="popular-posts-title">
        {t('post.popular.title')}
      </h2>
      {popular.isPending ? (
        <p className="muted" role="status">
          {t('post.feed.loading')}
        </p>
      ) : popular.isError || popular.data.items.length === 0 ? (
        <p className="muted">{t('post.popular.empty')}</p>
      ) : (
        <ol className="popular-posts__list">
          {popular.data.items.map((post) => (
            <li key={post.id}>
              <Link to={hrefs.post(post.id)}>{post.title}</Link>{' '}
              <span className="muted">♥ {post.likeCount}</span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
