import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api, csrfHeaders } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { authSession } from '@/lib/auth-session';

export async function logOutAll(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout-all', { credentials: 'include', headers: csrfHeaders }));
}

export const logOutAllMutationOptions = () =>
  mutationOptions({
    mutationFn: logOutAll,
    onSuccess: () => authSession.signOut(),
  });

export function useLogOutAll() {
  return useMutation(logOutAllMutationOptions());
}
