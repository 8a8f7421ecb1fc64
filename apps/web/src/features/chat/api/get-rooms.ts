import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

export const ROOM_PAGE_SIZE = 30;

/** GET /api/chat/rooms: most recent activity first, `q` filters by room name or the peer's nickname. */
export function getRooms(q: string, cursor: string | undefined) {
  return unwrap(
    api.GET('/api/chat/rooms', {
      params: { query: { q: q || undefined, limit: ROOM_PAGE_SIZE, cursor } },
    }),
  );
}

export const roomsQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: chatKeys.roomList(q),
    queryFn: ({ pageParam }) => getRooms(q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export function useRooms(q: string) {
  return useInfiniteQuery(roomsQueryOptions(q));
}
