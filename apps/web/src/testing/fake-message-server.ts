import { vi } from 'vitest';
import { buildChatMessage } from '@/testing/factories';
import type { MessagePageQuery } from '@/features/chat/api/get-messages';
import type { MessagePage } from '@/features/chat/store/room-timeline';

export const HOUR = 3_600_000;
/** When message `seq` was sent: one an hour from 2025-01-01 00:00 UTC. */
export const at = (seq: number) => new Date(Date.UTC(2025, 0, 1) + seq * HOUR).toISOString();

/** For tests: a gap-free room of `count` messages, answering pages the way the API does. */
export function fakeMessageServer(count: number, pageSize = 50) {
  const all = Array.from({ length: count }, (_, i) =>
    buildChatMessage({ seq: i + 1, createdAt: at(i + 1) }),
  );
  const range = (first: number, last: number) => all.filter((m) => m.seq >= first && m.seq <= last);
  const around = (seq: number) => {
    const first = Math.max(1, Math.min(seq, all.length) - Math.floor(pageSize / 2));
    return range(first, first + pageSize - 1);
  };
  const fetchPage = vi.fn(async (query: MessagePageQuery): Promise<MessagePage> => {
    const lastSeq = all.length;
    let items;
    if ('afterSeq' in query) items = all.filter((m) => m.seq > query.afterSeq).slice(0, pageSize);
    else if ('beforeSeq' in query)
      items = all.filter((m) => m.seq < query.beforeSeq).slice(-pageSize);
    else if ('around' in query) items = around(query.around);
    else if ('aroundDate' in query)
      items = around(all.find((m) => m.createdAt >= query.aroundDate)?.seq ?? lastSeq);
    else items = all.slice(-pageSize);
    const first = items[0]?.seq ?? lastSeq + 1;
    const last = items.at(-1)?.seq ?? lastSeq;
    return {
      items,
      lastSeq,
      hasMoreBefore: first > 1,
      hasMoreAfter: last < lastSeq,
      reads: [{ roomId: 'room-1', userId: '2', lastReadSeq: 1 }],
    };
  });
  const add = () => {
    const message = buildChatMessage({ seq: all.length + 1, createdAt: at(all.length + 1) });
    all.push(message);
    return message;
  };
  return { all, fetchPage, add };
}
