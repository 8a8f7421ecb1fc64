import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useSignedIn } from '../hooks/use-signed-in';
import { PopularPosts } from './popular-posts';
import { PostFeed } from './post-feed';

type Tab = 'all' | 'following';

/** Home: All / Following tabs over the feeds, the week's popular posts beside them. */
export function HomeFeed() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('all');
  const isSignedIn = useSignedIn();
  const tabs: { id: Tab; label: string }[] = [
    { id: 'all', label: t('post.feed.all') },
    { id: 'following', label: t('post.feed.following') },
  ];
  return (
    <div className="home-feed">
      <div className="home-feed__main">
        <div className="home-feed__bar">
          <div className="home-feed__tabs" role="tablist" aria-label={t('post.feed.tabs')}>
            {tabs.map((item) => (
              <button
                key={item.id}
                id={`feed-tab-${item.id}`}
                className={tab === item.id ? 'home-feed__tab is-active' : 'home-feed__tab'}
                type="button"
                role="tab"
                aria-selected={tab === item.id}
                aria-controls={`feed-panel-${item.id}`}
                onClick={() => setTab(item.id)}
              >
                {item.label}
              </button>
            ))}
          </div>
          {isSignedIn ? (
            <span className="home-feed__links">
              <Link className="button button--ghost" to={paths.bookmarks}>
                {t('post.bookmarks.link')}
              </Link>
              <Link className="button" to={paths.postNew}>
                {t('post.feed.write')}
              </Link>
            </span>
          ) : null}
        </div>
        <div id={`feed-panel-${tab}`} role="tabpanel" aria-labelledby={`feed-tab-${tab}`}>
          {tab === 'all' ? (
            <PostFeed kind="all" empty={t('post.feed.empty')} label={t('post.feed.all')} />
          ) : isSignedIn ? (
            <PostFeed
              kind="following"
              empty={t('post.feed.followingEmpty')}
              label={t('post.feed.following')}
            />
          ) : (
            <p className="card muted">{t('post.feed.signInForFollowing')}</p>
          )}
        </div>
      </div>
      <PopularPosts />
    </div>
  );
}
