import { useCallback, useEffect } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { Page } from '@/components/page';
import { hrefs, paths } from '@/config/paths';
import { VerifyEmailForm } from '@/features/auth/components/verify-email-form';
import { VerifyEmailLink } from '@/features/auth/components/verify-email-link';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { DevOutboxHint } from '@/features/dev/components/dev-outbox-hint';
import { useT } from '@/i18n/i18n-provider';

interface VerifyEmailState {
  token?: string;
  isLinkVerified?: boolean;
}

export function VerifyEmailRoute() {
  const t = useT();
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const state = (location.state ?? {}) as VerifyEmailState;
  const token = searchParams.get('token') ?? state.token;

  // The token leaves the address bar (history, Referer) as soon as it is read.
  useEffect(() => {
    const fromLink = searchParams.get('token');
    if (fromLink) void navigate(paths.verifyEmail, { replace: true, state: { token: fromLink } });
  }, [navigate, searchParams]);

  const onLinkVerified = useCallback(
    () => void navigate(paths.verifyEmail, { replace: true, state: { isLinkVerified: true } }),
    [navigate],
  );

  const user = auth.status === 'authenticated' ? auth.user : null;
  let content;
  if (state.isLinkVerified || user?.emailVerified) {
    content = (
      <div className="stack">
        <FormAlert tone="success">
          {state.isLinkVerified
            ? t('auth.verifyEmail.linkVerified')
            : t('auth.verifyEmail.verified')}
        </FormAlert>
        <Link className="button button--primary" to={user ? paths.feed : paths.login}>
          {user ? t('auth.verifyEmail.toFeed') : t('auth.login.submit')}
        </Link>
      </div>
    );
  } else if (token) {
    content = <VerifyEmailLink token={token} onVerified={onLinkVerified} />;
  } else if (!user) {
    content = (
      <p>
        {t('auth.verifyEmail.loginToUseCode')}{' '}
        <Link to={hrefs.login(paths.verifyEmail)}>{t('auth.login.submit')}</Link>
      </p>
    );
  } else {
    content = (
      <div className="stack">
        <p>{t('auth.verifyEmail.description', { email: user.email })}</p>
        <VerifyEmailForm />
      </div>
    );
  }

  return (
    <Page title={t('auth.verifyEmail.title')} isNarrow>
      <div className="card">{content}</div>
      <DevOutboxHint />
    </Page>
  );
}
