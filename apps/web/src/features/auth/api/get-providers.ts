import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { authKeys } from './auth-keys';

export function getProviders() {
  return unwrap(api.GET('/api/auth/providers'));
}

// Configuration changes only with a redeploy: fetch once per page load.
export const providersQueryOptions = () =>
  queryOptions({ queryKey: authKeys.providers(), queryFn: getProviders, staleTime: Infinity });

export function useProviders() {
  return useQuery(providersQueryOptions());
}
