import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useMyStudies } from '../api/get-my-studies';
import { StudyCard } from './study-card';

/** The studies I lead or belong to, newest first. */
export function MyStudies() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const query = useMyStudies();
  if (query.isPending)
    return (
      <p className="muted" role="status">
        …
      </p>
    );
  if (query.isError)
    return (
      <div className="card stack stack--tight" role="alert">
        <p>{t('study.loadFailed')}</p>
        <p className="muted">{errorMessage(query.error)}</p>
        <button className="button" type="button" onClick={() => void query.refetch()}>
          {t('study.retry')}
        </button>
      </div>
    );
  if (query.data.items.length === 0)
    return (
      <div className="card stack stack--tight">
        <p>{t('study.mineEmpty')}</p>
        <Link className="button" to={paths.studies}>
          {t('study.backToList')}
        </Link>
      </div>
    );
  return (
    <ul className="study-list" aria-label={t('study.mine')}>
      {query.data.items.map((study) => (
        <li key={study.id}>
          <StudyCard study={study} />
        </li>
      ))}
    </ul>
  );
}
