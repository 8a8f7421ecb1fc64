import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

/** Adds (PUT) or takes back (DELETE) my reaction; the server makes both idempotent. */
export function setReaction(roomId: string, messageId: string, emoji: string, isOn: boolean) {
  const init = { params: { path: { roomId, messageId, emoji } } };
  return unwrap(
    isOn
      ? api.PUT('/api/chat/rooms/{roomId}/messages/{messageId}/reactions/{emoji}', init)
      : api.DELETE('/api/chat/rooms/{roomId}/messages/{messageId}/reactions/{emoji}', init),
  );
}
