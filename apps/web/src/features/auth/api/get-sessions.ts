import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { authKeys } from './auth-keys';

export function getSessions() {
  return unwrap(api.GET('/api/auth/sessions'));
}

export const sessionsQueryOptions = () =>
  queryOptions({ queryKey: authKeys.sessions(), queryFn: getSessions });

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
