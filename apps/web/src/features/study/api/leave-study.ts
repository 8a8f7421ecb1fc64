import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { settleStudy } from './settle-study';
import { studyKeys } from './study-keys';

/** A member (not the leader) leaves the study and its room. */
export function leaveStudy(id: string) {
  return unwrap(api.POST('/api/studies/{id}/leave', { params: { path: { id } } }));
}

export function useLeaveStudy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => leaveStudy(id),
    onSuccess: () => {
      void settleStudy(queryClient, id, null);
      return queryClient.invalidateQueries({ queryKey: studyKeys.detail(id) });
    },
  });
}
