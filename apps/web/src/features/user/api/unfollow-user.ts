import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { useRelationshipMutation } from './relationship-cache';

export function unfollowUser(id: string) {
  return unwrap(api.DELETE('/api/users/{id}/follow', { params: { path: { id } } }));
}

export function useUnfollowUser() {
  return useRelationshipMutation(unfollowUser, {
    viewer: { isFollowing: false },
    followersDelta: (current) => (current.isFollowing ? -1 : 0),
  });
}
