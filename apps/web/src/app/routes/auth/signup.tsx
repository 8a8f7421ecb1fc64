import { Link, Navigate, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { hrefs, safeNext } from '@/config/paths';
import { SignupForm } from '@/features/auth/components/signup-form';
import { SocialSignIn } from '@/features/auth/components/social-sign-in';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { useT } from '@/i18n/i18n-provider';

export function SignupRoute() {
  const t = useT();
  const auth = useAuth();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));

  if (auth.status === 'authenticated') return <Navigate to={next} replace />;

  return (
    <Page title={t('auth.signup.title')} description={t('auth.signup.description')} isNarrow>
      <div className="card">
        <SignupForm />
        <SocialSignIn />
      </div>
      <p className="form-switch">
        {t('auth.signup.hasAccount')} <Link to={hrefs.login(next)}>{t('auth.signup.toLogin')}</Link>
      </p>
    </Page>
  );
}
