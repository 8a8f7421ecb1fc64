import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { settleStudy } from './settle-study';

/** The leader deletes the study; its room closes. */
export function deleteStudy(id: string) {
  return unwrap(api.DELETE('/api/studies/{id}', { params: { path: { id } } }));
}

export function useDeleteStudy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteStudy(id),
    onSuccess: () => settleStudy(queryClient, id, null),
  });
}
