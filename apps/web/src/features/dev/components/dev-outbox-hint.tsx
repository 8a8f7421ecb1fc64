import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useOutbox } from '../api/get-outbox';

/** In the embedded default no mail leaves the machine: point to where it went instead. */
export function DevOutboxHint() {
  const t = useT();
  const outbox = useOutbox();
  if (!outbox.isSuccess) return null;
  return (
    <p className="form-switch">
      {t('devOutbox.hint')} <Link to={paths.devOutbox}>{t('devOutbox.open')}</Link>
    </p>
  );
}
