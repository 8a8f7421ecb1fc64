import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useUnblockUser } from '../api/unblock-user';

/** Shown right after blocking from a profile, which is then hidden from both sides. */
export function BlockedNotice({
  user,
  onUnblocked,
}: {
  user: { id: string; nickname: string };
  onUnblocked: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const unblock = useUnblockUser();
  return (
    <section className="card stack stack--tight">
      <p>{t('social.blockedDescription')}</p>
      <FormAlert>{unblock.error ? errorMessage(unblock.error) : null}</FormAlert>
      <div className="row">
        <button
          className="button button--ghost"
          type="button"
          disabled={unblock.isPending}
          aria-label={t('social.unblockLabel', { nickname: user.nickname })}
          onClick={() => unblock.mutate(user.id, { onSuccess: onUnblocked })}
        >
          {t('social.unblock')}
        </button>
        <Link className="button button--ghost" to={paths.blocked}>
          {t('profile.blockedList')}
        </Link>
      </div>
    </section>
  );
}
