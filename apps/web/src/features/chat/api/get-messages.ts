import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export const MESSAGE_PAGE_SIZE = 50;

/** Which page of a room's history: the newest, after a seq (catch-up) or before one (older). */
export type MessagePageQuery = { afterSeq: number } | { beforeSeq: number } | { newest: true };

/** GET /api/chat/rooms/{roomId}/messages: items ascending by seq. Cached by the room timeline, not by react-query. */
export function getMessages(roomId: string, page: MessagePageQuery, limit = MESSAGE_PAGE_SIZE) {
  const query = {
    limit,
    after_seq: 'afterSeq' in page ? page.afterSeq : undefined,
    before_seq: 'beforeSeq' in page ? page.beforeSeq : undefined,
  };
  return unwrap(
    api.GET('/api/chat/rooms/{roomId}/messages', { params: { path: { roomId }, query } }),
  );
}
