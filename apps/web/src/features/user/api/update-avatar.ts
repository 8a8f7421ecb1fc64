import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me, Schemas } from '@/lib/api-types';
import { uploadFile } from '@/lib/upload';
import { userKeys } from './user-keys';

export type UserSummary = Schemas['UserSummaryDto'];

export interface UpdateAvatarInput {
  file: File;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function updateAvatar({ file, onProgress, signal }: UpdateAvatarInput) {
  return uploadFile<UserSummary>({
    method: 'PUT',
    url: '/api/users/me/avatar',
    file,
    onProgress,
    signal,
  });
}

/** The answer already says where the avatar is; no need to refetch "me" to show it. */
export function applyAvatar(queryClient: QueryClient, summary: UserSummary) {
  queryClient.setQueryData<Me>(userKeys.me(), (me) =>
    me ? { ...me, avatarUrl: summary.avatarUrl } : me,
  );
  void queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useUpdateAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAvatar,
    onSuccess: (summary) => applyAvatar(queryClient, summary),
  });
}
