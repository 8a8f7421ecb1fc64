import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { useRelationshipMutation } from './relationship-cache';

export function blockUser(id: string) {
  return unwrap(api.PUT('/api/users/{id}/block', { params: { path: { id } } }));
}

/** Blocking also ends both follows. */
export function useBlockUser() {
  return useRelationshipMutation(blockUser, {
    viewer: { isBlocked: true, isFollowing: false, followsMe: false },
    followersDelta: (current) => (current.isFollowing ? -1 : 0),
  });
}
