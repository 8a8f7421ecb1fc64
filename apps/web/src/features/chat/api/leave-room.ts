import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

/** Any member leaves a group room. */
export function leaveRoom(roomId: string) {
  return unwrap(api.POST('/api/chat/rooms/{roomId}/leave', { params: { path: { roomId } } }));
}

export function useLeaveRoom(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => leaveRoom(roomId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: chatKeys.room(roomId) });
      return queryClient.invalidateQueries({ queryKey: chatKeys.roomLists() });
    },
  });
}
