import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { settleStudy } from './settle-study';

/** Joins the study and its room; refused when full or ended. */
export function joinStudy(id: string) {
  return unwrap(api.POST('/api/studies/{id}/join', { params: { path: { id } } }));
}

export function useJoinStudy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => joinStudy(id),
    onSuccess: (study) => settleStudy(queryClient, id, study),
  });
}
