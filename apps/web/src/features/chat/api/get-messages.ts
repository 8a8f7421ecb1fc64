import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

export const MESSAGE_PAGE_SIZE = 50;

/**
 * Which page of a room's history: the newest, after a seq (catch-up, newer), before one (older),
 * or centred on a seq (first unread) or on the first message at or after a moment (a date).
 */
export type MessagePageQuery =
  | { afterSeq: number }
  | { around: number }
  | { aroundDate: string }
  | { beforeSeq: number }
  | { newest: true };

/** GET /api/chat/rooms/{roomId}/messages: items ascending by seq. Cached by the room timeline, not by react-query. */
export function getMessages(roomId: string, page: MessagePageQuery, limit = MESSAGE_PAGE_SIZE) {
  const query = {
    limit,
    after_seq: 'afterSeq' in page ? page.afterSeq : undefined,
    around: 'around' in page ? page.around : undefined,
    around_date: 'aroundDate' in page ? page.aroundDate : undefined,
    before_seq: 'beforeSeq' in page ? page.beforeSeq : undefined,
  };
  return unwrap(
    api.GET('/api/chat/rooms/{roomId}/messages', { params: { path: { roomId }, query } }),
  );
}
