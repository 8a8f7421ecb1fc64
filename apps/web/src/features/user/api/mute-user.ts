import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { useRelationshipMutation } from './relationship-cache';

export function muteUser(id: string) {
  return unwrap(api.PUT('/api/users/{id}/mute', { params: { path: { id } } }));
}

export function useMuteUser() {
  return useRelationshipMutation(muteUser, { viewer: { isMuted: true } });
}
