import { Page } from '@/components/page';
import { HomeFeed } from '@/features/post/components/home-feed';
import { useT } from '@/i18n/i18n-provider';

export function FeedRoute() {
  const t = useT();
  return (
    <Page title={t('post.feed.title')}>
      <HomeFeed />
    </Page>
  );
}
