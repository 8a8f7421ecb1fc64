import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { Schemas } from '@/lib/api-types';
import { authSession } from '@/lib/auth-session';

export type LogInInput = Omit<Schemas['LoginDto'], 'useCookie'>;

export function logIn(input: LogInInput) {
  return unwrap(
    api.POST('/api/auth/login', { body: { ...input, useCookie: true }, credentials: 'include' }),
  );
}

export const logInMutationOptions = () =>
  mutationOptions({
    mutationFn: logIn,
    onSuccess: (tokens) => authSession.signIn(tokens),
  });

export function useLogIn() {
  return useMutation(logInMutationOptions());
}
