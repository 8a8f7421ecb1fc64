import { useT } from '@/i18n/i18n-provider';
import type { MessageKey } from '@/i18n/translate';
import type { Schemas } from '@/lib/api-types';
import { useProviders } from '../api/get-providers';

type Provider = keyof Schemas['AuthProvidersDto'];

const PROVIDERS: { id: Provider; label: MessageKey }[] = [
  { id: 'github', label: 'auth.oauth.continueWithGithub' },
  { id: 'google', label: 'auth.oauth.continueWithGoogle' },
];

/** The server starts the flow: a full-page navigation, not a client-side route. */
export function oauthStartHref(provider: Provider): string {
  return `/api/auth/oauth/${provider}/start`;
}

/** "Continue with …" links, only for the providers the server has configured. */
export function SocialSignIn() {
  const t = useT();
  const { data } = useProviders();
  const available = PROVIDERS.filter((provider) => data?.[provider.id]);
  if (available.length === 0) return null;
  return (
    <div className="social-sign-in" role="group" aria-label={t('auth.oauth.label')}>
      <p className="social-sign-in__divider">{t('auth.oauth.divider')}</p>
      {available.map((provider) => (
        <a key={provider.id} className="button button--block" href={oauthStartHref(provider.id)}>
          {t(provider.label)}
        </a>
      ))}
    </div>
  );
}
