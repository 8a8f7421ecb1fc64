import { ComingSoon } from '@/components/coming-soon';
import { useT } from '@/i18n/i18n-provider';

export function SearchRoute() {
  const t = useT();
  return <ComingSoon title={t('nav.search')} description={t('pages.search')} />;
}
