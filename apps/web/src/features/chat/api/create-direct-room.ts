import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

/** POST /api/chat/rooms/direct: idempotent per pair, so it opens the existing room too. */
export function createDirectRoom(userId: string) {
  return unwrap(api.POST('/api/chat/rooms/direct', { body: { userId } }));
}

export function useCreateDirectRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDirectRoom,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.rooms() }),
  });
}
