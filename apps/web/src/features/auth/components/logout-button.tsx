import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useLogOut } from '../api/log-out';

export function LogoutButton() {
  const t = useT();
  const navigate = useNavigate();
  const logOut = useLogOut();
  return (
    <button
      className="button button--ghost"
      type="button"
      disabled={logOut.isPending}
      onClick={() =>
        logOut.mutate(undefined, { onSettled: () => void navigate(paths.login, { replace: true }) })
      }
    >
      {logOut.isPending ? t('auth.logout.pending') : t('nav.logout')}
    </button>
  );
}
