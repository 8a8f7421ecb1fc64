import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

export const CONTACT_PAGE_SIZE = 50;

/** The people I follow: the only ones I can start a direct room with or invite to a group. */
export function getContacts(userId: string, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/users/{id}/following', {
      params: { path: { id: userId }, query: { limit: CONTACT_PAGE_SIZE, cursor } },
    }),
  );
}

export const contactsQueryOptions = (userId: string) =>
  infiniteQueryOptions({
    queryKey: chatKeys.contacts(userId),
    queryFn: ({ pageParam }) => getContacts(userId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useContacts(userId: string) {
  return useInfiniteQuery(contactsQueryOptions(userId));
}
