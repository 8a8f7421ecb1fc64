import { ComingSoon } from '@/components/coming-soon';
import { useT } from '@/i18n/i18n-provider';

export function StudiesRoute() {
  const t = useT();
  return <ComingSoon title={t('nav.studies')} description={t('pages.studies')} />;
}
