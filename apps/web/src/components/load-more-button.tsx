import { useT } from '@/i18n/i18n-provider';

/** The subset of a TanStack infinite query the button needs. */
export interface NextPageQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * "더 보기" for a cursor-paged list: hidden at the end, disabled while the next page loads.
 * `label` names the direction where "more" is ambiguous (older or newer messages).
 */
export function LoadMoreButton({ query, label }: { query: NextPageQuery; label?: string }) {
  const t = useT();
  if (!query.hasNextPage) return null;
  return (
    <button
      className="button button--ghost"
      type="button"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {label ?? (query.isFetchingNextPage ? t('social.loadingMore') : t('social.loadMore'))}
    </button>
  );
}
