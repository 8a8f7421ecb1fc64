import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';
import { useT } from '@/i18n/i18n-provider';

export function ResetPasswordRoute() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const token =
    searchParams.get('token') ?? (location.state as { token?: string } | null)?.token ?? null;

  // The token leaves the address bar (history, Referer) as soon as it is read.
  useEffect(() => {
    const fromLink = searchParams.get('token');
    if (fromLink) void navigate(paths.resetPassword, { replace: true, state: { token: fromLink } });
  }, [navigate, searchParams]);

  return (
    <Page title={t('auth.reset.title')} description={t('auth.reset.description')} isNarrow>
      <div className="card">
        {token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p>
            {t('auth.reset.missingToken')}{' '}
            <Link to={paths.forgotPassword}>{t('auth.reset.requestNew')}</Link>
          </p>
        )}
      </div>
    </Page>
  );
}
