import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { Schemas } from '@/lib/api-types';
import { authSession } from '@/lib/auth-session';

export type DeleteAccountInput = Schemas['DeleteAccountDto'];
export type ContentPolicy = DeleteAccountInput['contentPolicy'];

export async function deleteAccount(input: DeleteAccountInput): Promise<void> {
  await unwrap(api.DELETE('/api/users/me', { body: input }));
}

export const deleteAccountMutationOptions = () =>
  mutationOptions({
    mutationFn: deleteAccount,
    onSuccess: () => authSession.signOut(),
  });

export function useDeleteAccount() {
  return useMutation(deleteAccountMutationOptions());
}
