export type StudyStatusFilter = '' | 'recruiting' | 'full' | 'in_progress' | 'ended';
export type StudyModeFilter = '' | 'online' | 'offline';

/** The list's filters and page, kept in the URL so a filtered page can be shared and reloaded. */
export interface StudyFilters {
  status: StudyStatusFilter;
  mode: StudyModeFilter;
  tag: string;
  q: string;
  page: number;
}

const STATUSES: readonly StudyStatusFilter[] = ['recruiting', 'full', 'in_progress', 'ended'];
const MODES: readonly StudyModeFilter[] = ['online', 'offline'];
export const PAGE_NUMBER_MAX = 1000;

/** Unknown or hostile values fall back to "no filter" rather than a request the API refuses. */
export function filtersFromSearch(search: URLSearchParams): StudyFilters {
  const status = search.get('status') ?? '';
  const mode = search.get('mode') ?? '';
  const page = Number(search.get('page') ?? '1');
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as StudyStatusFilter) : '',
    mode: (MODES as readonly string[]).includes(mode) ? (mode as StudyModeFilter) : '',
    tag: (search.get('tag') ?? '').trim().slice(0, 30),
    q: (search.get('q') ?? '').trim().slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= PAGE_NUMBER_MAX ? page : 1,
  };
}

/** Only the set filters, and the page when it is not the first. */
export function searchFromFilters(filters: StudyFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status) search.set('status', filters.status);
  if (filters.mode) search.set('mode', filters.mode);
  if (filters.tag) search.set('tag', filters.tag);
  if (filters.q) search.set('q', filters.q);
  if (filters.page > 1) search.set('page', String(filters.page));
  return search;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The page numbers to offer: the first, the last and a window around the current one; `null`
 * marks a gap ("…").
 */
export function pageNumbers(current: number, count: number, around = 2): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - current) <= around) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}
