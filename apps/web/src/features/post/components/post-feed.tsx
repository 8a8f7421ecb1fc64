import { useEffect, useRef } from 'react';
import { FormAlert } from '@/components/form-alert';
import { LoadMoreButton } from '@/components/load-more-button';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useFeed } from '../api/get-feed';
import type { FeedKind } from '../api/post-keys';
import { PostCard } from './post-card';

/**
 * A paged feed with infinite scroll: the next page loads as the end comes into view (the button
 * stays for keyboards and for browsers without IntersectionObserver).
 */
export function PostFeed({ kind, empty, label }: { kind: FeedKind; empty: string; label: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const feed = useFeed(kind);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (feed.isPending)
    return (
      <p className="muted" role="status">
        {t('post.feed.loading')}
      </p>
    );
  if (feed.isError)
    return (
      <div className="card stack stack--tight">
        <FormAlert>
          {t('post.feed.loadFailed')} {errorMessage(feed.error)}
        </FormAlert>
        <button className="button" type="button" onClick={() => void feed.refetch()}>
          {t('post.feed.retry')}
        </button>
      </div>
    );
  const posts = feed.data.pages.flatMap((page) => page.items);
  if (posts.length === 0) return <p className="post-feed__empty card muted">{empty}</p>;
  return (
    <section className="post-feed" aria-label={label}>
      <ul className="post-feed__list">
        {posts.map((post) => (
          <li key={post.id}>
            <PostCard post={post} />
          </li>
        ))}
      </ul>
      <div ref={sentinel} className="post-feed__sentinel" />
      <LoadMoreButton
        query={feed}
        label={feed.isFetchingNextPage ? t('post.feed.loading') : t('post.feed.loadMore')}
      />
    </section>
  );
}
