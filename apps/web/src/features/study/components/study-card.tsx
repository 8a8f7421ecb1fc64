import { Link } from 'react-router';
import { hrefs, paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import type { Study } from '../api/types';

export function StatusBadge({ status }: { status: Study['status'] }) {
  const t = useT();
  return (
    <span className={`badge study-status study-status--${status}`}>
      {t(`study.status.${status}`)}
    </span>
  );
}

export function TagLinks({ tags }: { tags: string[] }) {
  return (
    <ul className="study-tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Link className="study-tag" to={`${paths.studies}?${new URLSearchParams({ tag })}`}>
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** One study in a list: its title links to the detail. */
export function StudyCard({ study }: { study: Study }) {
  const t = useT();
  return (
    <article className="card study-card" aria-labelledby={`study-${study.id}`}>
      <div className="study-card__head">
        <StatusBadge status={study.status} />
        <span className="muted">{t(`study.mode.${study.mode}`)}</span>
      </div>
      <h2 className="study-card__title" id={`study-${study.id}`}>
        <Link to={hrefs.study(study.id)}>{study.title}</Link>
      </h2>
      <p className="muted study-card__meta">
        {t('study.card.period', { start: study.startDate, end: study.endDate })} ·{' '}
        {t('study.card.members', { count: study.memberCount, max: study.maxMembers })} ·{' '}
        {t('study.card.leader', { nickname: study.leader.nickname })}
      </p>
      <TagLinks tags={study.tags} />
    </article>
  );
}
