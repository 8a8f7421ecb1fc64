import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

/** The owner adds people (ones they follow) to a group room; answers with the room detail. */
export function addMembers(roomId: string, userIds: string[]) {
  return unwrap(
    api.POST('/api/chat/rooms/{roomId}/members', {
      params: { path: { roomId } },
      body: { userIds },
    }),
  );
}

export function useAddMembers(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => addMembers(roomId, userIds),
    onSuccess: (room) => {
      queryClient.setQueryData(chatKeys.room(roomId), room);
      return queryClient.invalidateQueries({ queryKey: chatKeys.roomLists() });
    },
  });
}
