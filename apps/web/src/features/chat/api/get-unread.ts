import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

/** GET /api/chat/unread: unread messages over all my rooms (refetched as messages and reads come). */
export const unreadQueryOptions = () =>
  queryOptions({
    queryKey: chatKeys.unread(),
    queryFn: () => unwrap(api.GET('/api/chat/unread')),
  });

export function useUnreadTotal(isEnabled: boolean): number {
  const unread = useQuery({ ...unreadQueryOptions(), enabled: isEnabled });
  return isEnabled ? (unread.data?.total ?? 0) : 0;
}
