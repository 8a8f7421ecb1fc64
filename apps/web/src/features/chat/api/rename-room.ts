import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

/** The owner renames a group room. */
export function renameRoom(roomId: string, name: string) {
  return unwrap(
    api.PATCH('/api/chat/rooms/{roomId}', { params: { path: { roomId } }, body: { name } }),
  );
}

export function useRenameRoom(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => renameRoom(roomId, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.rooms() }),
  });
}
