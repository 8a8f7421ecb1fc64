import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { settleStudy } from './settle-study';
import type { StudyInput } from './types';

export function createStudy(input: StudyInput) {
  return unwrap(api.POST('/api/studies', { body: input }));
}

export function useCreateStudy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStudy,
    onSuccess: (study) => settleStudy(queryClient, study.id, study),
  });
}
