import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useAuth } from '../hooks/use-auth';

/** Shown to signed-in users who have not verified their email: they can read but not write. */
export function EmailVerificationBanner() {
  const t = useT();
  const auth = useAuth();
  if (auth.status !== 'authenticated' || auth.user.emailVerified) return null;
  return (
    <aside className="notice" aria-label={t('auth.verifyEmail.title')}>
      <p>{t('auth.verifyEmail.banner')}</p>
      <Link className="button button--primary" to={paths.verifyEmail}>
        {t('auth.verifyEmail.bannerAction')}
      </Link>
    </aside>
  );
}
