import { Page } from '@/components/page';
import { OAuthCallback } from '@/features/auth/components/oauth-callback';
import { useT } from '@/i18n/i18n-provider';

export function OAuthCallbackRoute() {
  const t = useT();
  return (
    <Page title={t('auth.oauth.callbackTitle')} isNarrow>
      <OAuthCallback />
    </Page>
  );
}
