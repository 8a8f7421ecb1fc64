import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

/** Deletes my own message; it keeps its place, shown as deleted, via `message.deleted`. */
export function deleteMessage(roomId: string, messageId: string) {
  return unwrap(
    api.DELETE('/api/chat/rooms/{roomId}/messages/{messageId}', {
      params: { path: { roomId, messageId } },
    }),
  );
}
