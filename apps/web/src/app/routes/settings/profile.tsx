import { FormAlert } from '@/components/form-alert';
import { Page } from '@/components/page';
import { useMe } from '@/features/user/api/get-me';
import { EditProfileForm } from '@/features/user/components/edit-profile-form';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';

export function EditProfileRoute() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const me = useMe();

  return (
    <Page title={t('editProfile.title')} description={t('editProfile.description')} isNarrow>
      {me.isPending ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : me.isError ? (
        <FormAlert>{errorMessage(me.error)}</FormAlert>
      ) : (
        <EditProfileForm key={me.data.id} me={me.data} />
      )}
    </Page>
  );
}
