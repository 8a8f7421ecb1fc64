import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

/** Edits my own message; `message.updated` brings the edit to everyone else. */
export function editMessage(roomId: string, messageId: string, text: string) {
  return unwrap(
    api.PATCH('/api/chat/rooms/{roomId}/messages/{messageId}', {
      params: { path: { roomId, messageId } },
      body: { text },
    }),
  );
}
