import { FormAlert } from '@/components/form-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useMe } from '../api/get-me';

export function ProfileCard() {
  const { t, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const me = useMe();

  if (me.isPending) {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (me.isError) return <FormAlert>{errorMessage(me.error)}</FormAlert>;

  return (
    <dl className="card profile-card">
      <dt>{t('profile.nickname')}</dt>
      <dd>{me.data.nickname}</dd>
      <dt>{t('profile.email')}</dt>
      <dd>{me.data.email}</dd>
      <dt>{t('profile.joined')}</dt>
      <dd>{formatDateTime(me.data.createdAt)}</dd>
    </dl>
  );
}
