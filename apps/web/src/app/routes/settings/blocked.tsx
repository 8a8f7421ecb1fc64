import { Page } from '@/components/page';
import { BlockedList } from '@/features/user/components/blocked-list';
import { useT } from '@/i18n/i18n-provider';

export function BlockedRoute() {
  const t = useT();
  return (
    <Page title={t('social.blocksTitle')} description={t('social.blocksDescription')}>
      <BlockedList />
    </Page>
  );
}
