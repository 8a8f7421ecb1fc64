import { Page } from '@/components/page';
import { SessionList } from '@/features/auth/components/session-list';
import { useT } from '@/i18n/i18n-provider';

export function SessionsRoute() {
  const t = useT();
  return (
    <Page title={t('sessions.title')} description={t('sessions.description')}>
      <SessionList />
    </Page>
  );
}
