import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

export function getRoom(roomId: string) {
  return unwrap(api.GET('/api/chat/rooms/{roomId}', { params: { path: { roomId } } }));
}

export const roomQueryOptions = (roomId: string) =>
  queryOptions({ queryKey: chatKeys.room(roomId), queryFn: () => getRoom(roomId) });

export function useRoom(roomId: string) {
  return useQuery(roomQueryOptions(roomId));
}
