import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { chatKeys } from './chat-keys';

export interface CreateGroupRoomInput {
  name: string;
  memberIds: string[];
}

export function createGroupRoom(body: CreateGroupRoomInput) {
  return unwrap(api.POST('/api/chat/rooms', { body }));
}

export function useCreateGroupRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGroupRoom,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.rooms() }),
  });
}
