import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api, csrfHeaders } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { authSession } from '@/lib/auth-session';

/** Ends this session on the server and clears the refresh cookie (hence credentials + CSRF header). */
export async function logOut(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout', { credentials: 'include', headers: csrfHeaders }));
}

export const logOutMutationOptions = () =>
  mutationOptions({
    mutationFn: logOut,
    // Leave locally even when the server could not be reached: the user asked to go.
    onSettled: () => authSession.signOut(),
  });

export function useLogOut() {
  return useMutation(logOutMutationOptions());
}
