import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { userKeys } from './user-keys';

export function getProfile(id: string) {
  return unwrap(api.GET('/api/users/{id}', { params: { path: { id } } }));
}

export const profileQueryOptions = (id: string) =>
  queryOptions({ queryKey: userKeys.profile(id), queryFn: () => getProfile(id) });

export function useProfile(id: string) {
  return useQuery(profileQueryOptions(id));
}
