import { ComingSoon } from '@/components/coming-soon';
import { useT } from '@/i18n/i18n-provider';

export function NotificationsRoute() {
  const t = useT();
  return <ComingSoon title={t('nav.notifications')} description={t('pages.notifications')} />;
}
