import { Link } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';

export function NotFoundRoute() {
  const t = useT();
  return (
    <Page title={t('notFound.title')} description={t('notFound.description')}>
      <Link className="button" to={paths.feed}>
        {t('notFound.home')}
      </Link>
    </Page>
  );
}
