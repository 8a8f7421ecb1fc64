import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { Schemas } from '@/lib/api-types';
import { authSession } from '@/lib/auth-session';

export type VerifyEmailInput = Schemas['VerifyEmailDto'];

export function verifyEmail(input: VerifyEmailInput) {
  return unwrap(api.POST('/api/auth/email/verify', { body: input }));
}

export const verifyEmailMutationOptions = () =>
  mutationOptions({
    mutationFn: verifyEmail,
    // The banner and every "verified only" control read the user from the session store.
    onSuccess: (me) => authSession.updateUser(me),
  });

export function useVerifyEmail() {
  return useMutation(verifyEmailMutationOptions());
}
