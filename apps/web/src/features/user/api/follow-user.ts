import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { useRelationshipMutation } from './relationship-cache';

export function followUser(id: string) {
  return unwrap(api.PUT('/api/users/{id}/follow', { params: { path: { id } } }));
}

export function useFollowUser() {
  return useRelationshipMutation(followUser, {
    viewer: { isFollowing: true },
    followersDelta: (current) => (current.isFollowing ? 0 : 1),
  });
}
