import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { applyAvatar } from './update-avatar';

export function deleteAvatar() {
  return unwrap(api.DELETE('/api/users/me/avatar'));
}

export function useDeleteAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAvatar,
    onSuccess: (summary) => applyAvatar(queryClient, summary),
  });
}
