import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export function resendVerification() {
  return unwrap(api.POST('/api/auth/email/resend'));
}

export const resendVerificationMutationOptions = () =>
  mutationOptions({ mutationFn: resendVerification });

export function useResendVerification() {
  return useMutation(resendVerificationMutationOptions());
}
