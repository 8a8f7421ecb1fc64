import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { Page } from './page';

export function ComingSoon({ title, description }: { title: string; description: string }) {
  const t = useT();
  return (
    <Page title={title}>
      <section className="card coming-soon" aria-labelledby="coming-soon-title">
        <p className="badge" id="coming-soon-title">
          {t('comingSoon.title')}
        </p>
        <p>{description}</p>
        <Link className="button button--ghost" to={paths.feed}>
          {t('comingSoon.back')}
        </Link>
      </section>
    </Page>
  );
}
