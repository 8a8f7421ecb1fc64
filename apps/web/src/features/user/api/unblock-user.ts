import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { useRelationshipMutation } from './relationship-cache';

export function unblockUser(id: string) {
  return unwrap(api.DELETE('/api/users/{id}/block', { params: { path: { id } } }));
}

export function useUnblockUser() {
  return useRelationshipMutation(unblockUser, { viewer: { isBlocked: false } });
}
