import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { studyKeys } from './study-keys';
import type { StudyDetail, StudyInput, StudyPatch } from './types';

export function createStudy(input: StudyInput) {
  return unwrap(api.POST('/api/studies', { body: input }));
}

export function updateStudy(id: string, patch: StudyPatch) {
  return unwrap(api.PATCH('/api/studies/{id}', { params: { path: { id } }, body: patch }));
}

export function deleteStudy(id: string) {
  return unwrap(api.DELETE('/api/studies/{id}', { params: { path: { id } } }));
}

export function joinStudy(id: string) {
  return unwrap(api.POST('/api/studies/{id}/join', { params: { path: { id } } }));
}

export function leaveStudy(id: string) {
  return unwrap(api.POST('/api/studies/{id}/leave', { params: { path: { id } } }));
}

export function transferLeadership(id: string, userId: string) {
  return unwrap(
    api.PUT('/api/studies/{id}/leader', { params: { path: { id } }, body: { userId } }),
  );
}

/** A changed study: its detail as answered, every list and my studies fetched again. */
function settle(queryClient: QueryClient, id: string, detail: StudyDetail | null) {
  if (detail) queryClient.setQueryData(studyKeys.detail(id), detail);
  else queryClient.removeQueries({ queryKey: studyKeys.detail(id) });
  void queryClient.invalidateQueries({ queryKey: studyKeys.lists() });
  return queryClient.invalidateQueries({ queryKey: studyKeys.mine() });
}

export function useCreateStudy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStudy,
    onSuccess: (study) => settle(queryClient, study.id, study),
  });
}

export function useUpdateStudy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: StudyPatch) => updateStudy(id, patch),
    onSuccess: (study) => settle(queryClient, id, study),
  });
}

export function useDeleteStudy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteStudy(id),
    onSuccess: () => settle(queryClient, id, null),
  });
}

export function useJoinStudy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => joinStudy(id),
    onSuccess: (study) => settle(queryClient, id, study),
  });
}

export function useLeaveStudy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => leaveStudy(id),
    onSuccess: () => {
      void settle(queryClient, id, null);
      return queryClient.invalidateQueries({ queryKey: studyKeys.detail(id) });
    },
  });
}

export function useTransferLeadership(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => transferLeadership(id, userId),
    onSuccess: (study) => settle(queryClient, id, study),
  });
}
