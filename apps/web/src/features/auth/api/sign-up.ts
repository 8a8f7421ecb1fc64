import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { Schemas } from '@/lib/api-types';
import { authSession } from '@/lib/auth-session';

export type SignUpInput = Omit<Schemas['SignupDto'], 'useCookie'>;

// The SPA always asks for the httpOnly refresh cookie; the refresh token never reaches JavaScript.
export function signUp(input: SignUpInput) {
  return unwrap(
    api.POST('/api/auth/signup', { body: { ...input, useCookie: true }, credentials: 'include' }),
  );
}

export const signUpMutationOptions = () =>
  mutationOptions({
    mutationFn: signUp,
    onSuccess: (tokens) => authSession.signIn(tokens),
  });

export function useSignUp() {
  return useMutation(signUpMutationOptions());
}
