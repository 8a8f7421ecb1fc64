import { useEffect, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useExchangeOAuthCode } from '../api/exchange-oauth-code';

/** Trades the one-time code from the URL fragment for a session, then goes to the feed. */
export function OAuthCallback() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const navigate = useNavigate();
  const exchange = useExchangeOAuthCode();
  const { mutate } = exchange;
  const [code] = useState(() => new URLSearchParams(location.hash.slice(1)).get('code'));
  const started = useRef(false);

  useEffect(() => {
    // Once only (StrictMode runs effects twice): the code is single-use.
    if (started.current) return;
    started.current = true;
    // Keep the code out of the address bar and the history.
    void navigate({ pathname: location.pathname, hash: '' }, { replace: true });
    if (code) mutate(code);
  }, [code, mutate, location.pathname, navigate]);

  if (exchange.isSuccess) return <Navigate to={paths.feed} replace />;

  const failure = !code
    ? t('errorCode.AUTH_OAUTH_CODE_INVALID')
    : exchange.isError
      ? errorMessage(exchange.error)
      : undefined;

  return (
    <div className="card">
      <FormAlert>{failure}</FormAlert>
      {failure ? (
        <Link className="button button--block" to={paths.login}>
          {t('auth.oauth.backToLogin')}
        </Link>
      ) : (
        <p role="status">{t('auth.oauth.pending')}</p>
      )}
    </div>
  );
}
