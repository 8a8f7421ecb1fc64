import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { settleStudy } from './settle-study';

/** The leader hands the study (and its room) to a member. */
export function transferLeadership(id: string, userId: string) {
  return unwrap(
    api.PUT('/api/studies/{id}/leader', { params: { path: { id } }, body: { userId } }),
  );
}

export function useTransferLeadership(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => transferLeadership(id, userId),
    onSuccess: (study) => settleStudy(queryClient, id, study),
  });
}
