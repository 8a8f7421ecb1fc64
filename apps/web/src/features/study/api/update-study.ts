import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { settleStudy } from './settle-study';
import type { StudyPatch } from './types';

/** The leader changes any subset of the fields. */
export function updateStudy(id: string, patch: StudyPatch) {
  return unwrap(api.PATCH('/api/studies/{id}', { params: { path: { id } }, body: patch }));
}

export function useUpdateStudy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: StudyPatch) => updateStudy(id, patch),
    onSuccess: (study) => settleStudy(queryClient, id, study),
  });
}
