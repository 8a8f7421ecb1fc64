import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { useRelationshipMutation } from './relationship-cache';

export function unmuteUser(id: string) {
  return unwrap(api.DELETE('/api/users/{id}/mute', { params: { path: { id } } }));
}

export function useUnmuteUser() {
  return useRelationshipMutation(unmuteUser, { viewer: { isMuted: false } });
}
