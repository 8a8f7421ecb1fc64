import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { studyKeys } from './study-keys';

export function getTagSuggestions(prefix: string) {
  return unwrap(api.GET('/api/studies/tags', { params: { query: { prefix } } }));
}

export const tagSuggestionsQueryOptions = (prefix: string) =>
  queryOptions({
    queryKey: studyKeys.tags(prefix),
    queryFn: () => getTagSuggestions(prefix),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

/** Tags of existing studies starting with `prefix`, most used first. */
export function useTagSuggestions(prefix: string, isEnabled: boolean) {
  return useQuery({ ...tagSuggestionsQueryOptions(prefix), enabled: isEnabled });
}
