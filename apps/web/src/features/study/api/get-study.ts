import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { studyKeys } from './study-keys';

export function getStudy(id: string) {
  return unwrap(api.GET('/api/studies/{id}', { params: { path: { id } } }));
}

export const studyQueryOptions = (id: string) =>
  queryOptions({ queryKey: studyKeys.detail(id), queryFn: () => getStudy(id) });

export function useStudy(id: string) {
  return useQuery(studyQueryOptions(id));
}
