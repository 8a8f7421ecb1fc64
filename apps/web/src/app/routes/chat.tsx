import { ComingSoon } from '@/components/coming-soon';
import { useT } from '@/i18n/i18n-provider';

export function ChatRoute() {
  const t = useT();
  return <ComingSoon title={t('nav.chat')} description={t('pages.chat')} />;
}
