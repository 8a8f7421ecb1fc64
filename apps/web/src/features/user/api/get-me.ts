import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { userKeys } from './user-keys';

export function getMe() {
  return unwrap(api.GET('/api/users/me'));
}

export const meQueryOptions = () => queryOptions({ queryKey: userKeys.me(), queryFn: getMe });

export function useMe() {
  return useQuery(meQueryOptions());
}
