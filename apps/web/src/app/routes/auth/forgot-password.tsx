import { Link } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';
import { DevOutboxHint } from '@/features/dev/components/dev-outbox-hint';
import { useT } from '@/i18n/i18n-provider';

export function ForgotPasswordRoute() {
  const t = useT();
  return (
    <Page title={t('auth.forgot.title')} description={t('auth.forgot.description')} isNarrow>
      <div className="card">
        <ForgotPasswordForm />
      </div>
      <DevOutboxHint />
      <p className="form-switch">
        <Link to={paths.login}>{t('auth.forgot.backToLogin')}</Link>
      </p>
    </Page>
  );
}
