import { Page } from '@/components/page';
import { OutboxList } from '@/features/dev/components/outbox-list';
import { useT } from '@/i18n/i18n-provider';

export function DevOutboxRoute() {
  const t = useT();
  return (
    <Page title={t('devOutbox.title')} description={t('devOutbox.description')}>
      <OutboxList />
    </Page>
  );
}
