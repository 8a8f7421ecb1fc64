import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useLogOut } from '../api/log-out';

export function LogoutButton() {
  const t = useT();
  const navigate = useNavigate();
  const logOut = useLogOut();

  // Not mutate()'s callbacks: logging out unmounts this button before they would run.
  const onClick = async () => {
    await logOut.mutateAsync().catch(() => undefined);
    await navigate(paths.login, { replace: true });
  };

  return (
    <button
      className="button button--ghost"
      type="button"
      disabled={logOut.isPending}
      onClick={() => void onClick()}
    >
      {logOut.isPending ? t('auth.logout.pending') : t('nav.logout')}
    </button>
  );
}
