import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { authSession } from '@/lib/auth-session';

// The flow cookie proves this browser started the sign-in; the refresh token comes back as a cookie.
export function exchangeOAuthCode(code: string) {
  return unwrap(
    api.POST('/api/auth/oauth/exchange', {
      body: { code, useCookie: true },
      credentials: 'include',
    }),
  );
}

export const exchangeOAuthCodeMutationOptions = () =>
  mutationOptions({
    mutationFn: exchangeOAuthCode,
    onSuccess: (tokens) => authSession.signIn(tokens),
  });

export function useExchangeOAuthCode() {
  return useMutation(exchangeOAuthCodeMutationOptions());
}
