import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useStudies } from '../api/get-studies';
import {
  filtersFromSearch,
  pageCount,
  pageNumbers,
  searchFromFilters,
  type StudyFilters,
} from '../lib/study-search';
import { StudyCard } from './study-card';

const STATUSES = ['recruiting', 'full', 'in_progress', 'ended'] as const;
const MODES = ['online', 'offline'] as const;

/** Filters in the URL, numbered pages of 12 with the total. */
export function StudyList() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const query = useStudies(filters);
  const go = (next: Partial<StudyFilters>) =>
    setSearch(searchFromFilters({ ...filters, page: 1, ...next }));
  const isFiltered = Boolean(filters.status || filters.mode || filters.tag || filters.q);

  return (
    <div className="stack">
      <StudyFiltersForm key={search.toString()} filters={filters} onApply={go} />
      {query.isPending ? (
        <p className="muted" role="status">
          …
        </p>
      ) : query.isError ? (
        <div className="card stack stack--tight" role="alert">
          <p>{t('study.loadFailed')}</p>
          <p className="muted">{errorMessage(query.error)}</p>
          <button className="button" type="button" onClick={() => void query.refetch()}>
            {t('study.retry')}
          </button>
        </div>
      ) : (
        <>
          <p className="muted" role="status">
            {t('study.list.total', { count: query.data.total })}
          </p>
          {query.data.items.length === 0 ? (
            <div className="card stack stack--tight">
              <p>{isFiltered ? t('study.list.empty') : t('study.list.emptyAll')}</p>
              {isFiltered ? (
                <button className="button" type="button" onClick={() => setSearch({})}>
                  {t('study.filters.clear')}
                </button>
              ) : (
                <Link className="button button--primary" to={paths.studyNew}>
                  {t('study.create')}
                </Link>
              )}
            </div>
          ) : (
            <ul
              className="study-list"
              aria-label={t('study.list.label')}
              aria-busy={query.isFetching}
            >
              {query.data.items.map((study) => (
                <li key={study.id}>
                  <StudyCard study={study} />
                </li>
              ))}
            </ul>
          )}
          <Pagination
            current={filters.page}
            count={pageCount(query.data.total, query.data.pageSize)}
            onPage={(page) => go({ page })}
          />
        </>
      )}
    </div>
  );
}

function StudyFiltersForm({
  filters,
  onApply,
}: {
  filters: StudyFilters;
  onApply: (next: Partial<StudyFilters>) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, tag: draft.tag.trim(), q: draft.q.trim() });
  };
  return (
    <form className="card study-filters" aria-label={t('study.filters.label')} onSubmit={submit}>
      <label className="field">
        <span className="field__label">{t('study.filters.q')}</span>
        <input
          className="field__input"
          type="search"
          maxLength={100}
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('study.filters.tag')}</span>
        <input
          className="field__input"
          maxLength={30}
          value={draft.tag}
          onChange={(e) => setDraft({ ...draft, tag: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('study.filters.status')}</span>
        <select
          className="field__input"
          value={draft.status}
          onChange={(e) => onApply({ status: e.target.value as StudyFilters['status'] })}
        >
          <option value="">{t('study.filters.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`study.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('study.filters.mode')}</span>
        <select
          className="field__input"
          value={draft.mode}
          onChange={(e) => onApply({ mode: e.target.value as StudyFilters['mode'] })}
        >
          <option value="">{t('study.filters.any')}</option>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`study.mode.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <button className="button button--primary" type="submit">
        {t('study.filters.apply')}
      </button>
    </form>
  );
}

function Pagination({
  current,
  count,
  onPage,
}: {
  current: number;
  count: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  if (count <= 1) return null;
  return (
    <nav className="study-pages" aria-label={t('study.list.pages')}>
      <button
        className="button"
        type="button"
        disabled={current <= 1}
        onClick={() => onPage(current - 1)}
      >
        {t('study.list.previous')}
      </button>
      {pageNumbers(current, count).map((page, i) =>
        page === null ? (
          <span key={`gap-${i}`} className="muted" aria-hidden="true">
            …
          </span>
        ) : (
          <button
            key={page}
            className={page === current ? 'button button--primary' : 'button'}
            type="button"
            aria-label={t('study.list.page', { page })}
            aria-current={page === current ? 'page' : undefined}
            onClick={() => onPage(page)}
          >
            {page}
          </button>
        ),
      )}
      <button
        className="button"
        type="button"
        disabled={current >= count}
        onClick={() => onPage(current + 1)}
      >
        {t('study.list.next')}
      </button>
    </nav>
  );
}
