import { Page } from '@/components/page';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { DeleteAccountForm } from '@/features/auth/components/delete-account-form';
import { EmailSettings } from '@/features/auth/components/email-settings';
import { useT } from '@/i18n/i18n-provider';

export function AccountRoute() {
  const t = useT();
  return (
    <Page title={t('account.title')} description={t('account.description')}>
      <div className="stack">
        <section className="card" aria-labelledby="email-settings-title">
          <h2 className="card__title" id="email-settings-title">
            {t('account.email.title')}
          </h2>
          <EmailSettings />
        </section>
        <section className="card" aria-labelledby="change-password-title">
          <h2 className="card__title" id="change-password-title">
            {t('account.changePassword.title')}
          </h2>
          <ChangePasswordForm />
        </section>
        <section className="card card--danger" aria-labelledby="delete-account-title">
          <h2 className="card__title" id="delete-account-title">
            {t('account.deleteAccount.title')}
          </h2>
          <p className="muted">{t('account.deleteAccount.description')}</p>
          <DeleteAccountForm />
        </section>
      </div>
    </Page>
  );
}
