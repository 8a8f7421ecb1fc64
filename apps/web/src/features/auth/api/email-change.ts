import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { Schemas } from '@/lib/api-types';
import { authSession } from '@/lib/auth-session';

export type SignInMethods = Schemas['SignInMethodsDto'];
export type ChangeEmailInput = Schemas['ChangeEmailDto'];

const methodsKey = ['auth', 'methods'] as const;

/** GET /api/auth/methods: password or not, linked social sign-ins, and a change of email waiting. */
export const signInMethodsQueryOptions = () =>
  queryOptions({
    queryKey: methodsKey,
    queryFn: () => unwrap(api.GET('/api/auth/methods')),
  });

export function useSignInMethods() {
  return useQuery(signInMethodsQueryOptions());
}

/** Sends a code to the new address; nothing changes until it is confirmed. */
export function useRequestEmailChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangeEmailInput) =>
      unwrap(api.POST('/api/auth/email/change', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: methodsKey }),
  });
}

export function useConfirmEmailChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      unwrap(api.POST('/api/auth/email/change/confirm', { body: { code } })),
    onSuccess: (me) => {
      authSession.updateUser(me);
      return queryClient.invalidateQueries({ queryKey: methodsKey });
    },
  });
}

export function useCancelEmailChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/auth/email/change')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: methodsKey }),
  });
}
