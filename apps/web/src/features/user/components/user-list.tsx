import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { hrefs } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import type { UserListItem, UserPage } from '@/lib/api-types';
import { LoadMoreButton } from '@/components/load-more-button';
import { Avatar } from '@/components/avatar';

interface UserListProps {
  query: UseInfiniteQueryResult<InfiniteData<UserPage>>;
  label: string;
  emptyText: string;
  /** The button(s) on each row (follow, unblock). */
  renderAction: (item: UserListItem) => ReactNode;
}

/**
 * Infinite list: the next page loads when the end scrolls into view, and a "load more" button
 * does the same for keyboards, screen readers and browsers without IntersectionObserver.
 */
export function UserList({ query, label, emptyText, renderAction }: UserListProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (query.isError && !query.data) {
    return (
      <div className="card stack stack--tight">
        <FormAlert>
          {t('social.listFailed')} {errorMessage(query.error)}
        </FormAlert>
        <button className="button" type="button" onClick={() => void query.refetch()}>
          {t('social.retry')}
        </button>
      </div>
    );
  }

  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <p className="muted">{emptyText}</p>;

  return (
    <div className="stack">
      <ul className="user-list" aria-label={label} aria-busy={isFetchingNextPage}>
        {items.map((item) => (
          <li className="user-list__item" key={item.id}>
            <Avatar nickname={item.nickname} url={item.avatarUrl} />
            <div className="user-list__body">
              <Link className="user-list__name" to={hrefs.profile(item.id)}>
                {item.nickname}
              </Link>
              {item.viewer.followsMe && !item.viewer.isSelf ? (
                <span className="badge">{t('profile.followsMe')}</span>
              ) : null}
            </div>
            <div className="user-list__action">{renderAction(item)}</div>
          </li>
        ))}
      </ul>
      <div ref={sentinel} />
      {query.isFetchNextPageError ? <FormAlert>{errorMessage(query.error)}</FormAlert> : null}
      {hasNextPage ? <LoadMoreButton query={query} /> : <p className="muted">{t('social.end')}</p>}
    </div>
  );
}
