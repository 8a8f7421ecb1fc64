import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import type { UpdateProfile } from '@/lib/api-types';
import { authSession } from '@/lib/auth-session';
import { userKeys } from './user-keys';

export function updateMe(body: UpdateProfile) {
  return unwrap(api.PATCH('/api/users/me', { body }));
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => {
      queryClient.setQueryData(userKeys.me(), me);
      authSession.updateUser(me);
      // The nickname shows up in my profile and in every list I appear in.
      void queryClient.invalidateQueries({ queryKey: userKeys.profile(me.id) });
      void queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
