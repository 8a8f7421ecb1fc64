import { Link, Navigate, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { hrefs, paths, safeNext } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';
import { OAuthErrorAlert } from '@/features/auth/components/oauth-error-alert';
import { SocialSignIn } from '@/features/auth/components/social-sign-in';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { useT } from '@/i18n/i18n-provider';

export function LoginRoute() {
  const t = useT();
  const auth = useAuth();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));

  // Also the redirect after a successful login: the form only updates the session store.
  if (auth.status === 'authenticated') return <Navigate to={next} replace />;

  return (
    <Page title={t('auth.login.title')} description={t('auth.login.description')} isNarrow>
      <div className="card">
        <OAuthErrorAlert code={searchParams.get('error')} />
        <LoginForm />
        <SocialSignIn />
      </div>
      <p className="form-switch">
        <Link to={paths.forgotPassword}>{t('auth.forgot.link')}</Link>
      </p>
      <p className="form-switch">
        {t('auth.login.noAccount')} <Link to={hrefs.signup(next)}>{t('auth.login.toSignup')}</Link>
      </p>
    </Page>
  );
}
