import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { Schemas } from '@/lib/api-types';

export type RequestPasswordResetInput = Schemas['ForgotPasswordDto'];

/** Answers the same whether or not the address has an account. */
export function requestPasswordReset(input: RequestPasswordResetInput) {
  return unwrap(api.POST('/api/auth/password/forgot', { body: input }));
}

export const requestPasswordResetMutationOptions = () =>
  mutationOptions({ mutationFn: requestPasswordReset });

export function useRequestPasswordReset() {
  return useMutation(requestPasswordResetMutationOptions());
}
