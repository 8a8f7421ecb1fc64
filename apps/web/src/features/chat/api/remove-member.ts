import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

/** The owner removes someone from a group room. */
export function removeMember(roomId: string, userId: string) {
  return unwrap(
    api.DELETE('/api/chat/rooms/{roomId}/members/{userId}', {
      params: { path: { roomId, userId } },
    }),
  );
}

export function useRemoveMember(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(roomId, userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.rooms() }),
  });
}
