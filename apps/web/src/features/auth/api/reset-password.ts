import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { Schemas } from '@/lib/api-types';
import { authSession } from '@/lib/auth-session';

export type ResetPasswordInput = Schemas['ResetPasswordDto'];

export async function resetPassword(input: ResetPasswordInput): Promise<void> {
  await unwrap(api.POST('/api/auth/password/reset', { body: input }));
}

export const resetPasswordMutationOptions = () =>
  mutationOptions({
    mutationFn: resetPassword,
    // The server ended every session, this tab's included.
    onSuccess: () => authSession.signOut(),
  });

export function useResetPassword() {
  return useMutation(resetPasswordMutationOptions());
}
