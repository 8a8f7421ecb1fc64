import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { authSession } from '@/lib/auth-session';

/** The link works without a session; a signed-in tab then reloads its user to drop the banner. */
export async function verifyEmailLink(token: string): Promise<void> {
  await unwrap(api.POST('/api/auth/email/verify-link', { body: { token } }));
  if (authSession.getState().status === 'authenticated') {
    authSession.updateUser(await unwrap(api.GET('/api/users/me')));
  }
}

export const verifyEmailLinkMutationOptions = () =>
  mutationOptions({ mutationFn: verifyEmailLink });

export function useVerifyEmailLink() {
  return useMutation(verifyEmailLinkMutationOptions());
}
