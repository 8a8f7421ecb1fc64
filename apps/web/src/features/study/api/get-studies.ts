import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { StudyFilters } from '../lib/study-search';
import { studyKeys } from './study-keys';

/** One numbered page of studies matching the filters, with the total over all pages. */
export function getStudies(filters: StudyFilters) {
  return unwrap(
    api.GET('/api/studies', {
      params: {
        query: {
          status: filters.status || undefined,
          mode: filters.mode || undefined,
          tag: filters.tag || undefined,
          q: filters.q || undefined,
          page: filters.page,
        },
      },
    }),
  );
}

export const studiesQueryOptions = (filters: StudyFilters) =>
  queryOptions({
    queryKey: studyKeys.list(filters),
    queryFn: () => getStudies(filters),
    placeholderData: keepPreviousData,
  });

export function useStudies(filters: StudyFilters) {
  return useQuery(studiesQueryOptions(filters));
}
