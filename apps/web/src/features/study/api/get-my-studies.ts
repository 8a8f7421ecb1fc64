import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { studyKeys } from './study-keys';

export function getMyStudies() {
  return unwrap(api.GET('/api/studies/mine'));
}

export const myStudiesQueryOptions = () =>
  queryOptions({ queryKey: studyKeys.mine(), queryFn: getMyStudies });

export function useMyStudies() {
  return useQuery(myStudiesQueryOptions());
}
