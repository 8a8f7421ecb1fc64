import { ComingSoon } from '@/components/coming-soon';
import { useT } from '@/i18n/i18n-provider';

export function FeedRoute() {
  const t = useT();
  return <ComingSoon title={t('nav.feed')} description={t('pages.feed')} />;
}
