import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { devKeys } from './dev-keys';

export function getOutbox() {
  return unwrap(api.GET('/api/dev/outbox'));
}

export const outboxQueryOptions = () =>
  queryOptions({ queryKey: devKeys.outbox(), queryFn: getOutbox, retry: false });

export function useOutbox() {
  return useQuery(outboxQueryOptions());
}
