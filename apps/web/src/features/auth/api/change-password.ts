import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { Schemas } from '@/lib/api-types';
import { authKeys } from './auth-keys';

export type ChangePasswordInput = Schemas['ChangePasswordDto'];

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await unwrap(api.POST('/api/auth/password/change', { body: input }));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // Every other session was ended.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions() }),
  });
}
