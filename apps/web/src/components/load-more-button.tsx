import { useT } from '@/i18n/i18n-provider';

/** The subset of a TanStack infinite query the button needs. */
export interface NextPageQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "더 보기" for a cursor-paged list: hidden at the end, disabled while the next page loads. */
export function LoadMoreButton({ query }: { query: NextPageQuery }) {
  const t = useT();
  if (!query.hasNextPage) return null;
  return (
    <button
      className="button button--ghost"
      type="button"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? t('social.loadingMore') : t('social.loadMore')}
    </button>
  );
}
