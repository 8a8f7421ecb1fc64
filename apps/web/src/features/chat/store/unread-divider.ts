import type { ChatMessage } from '@orgo/contracts';

/**
 * Where the "unread from here" divider goes: the first message from someone else after
 * `lastReadSeq` (my read mark when the room opened), if the window reaches back to it. Only
 * messages that were already there when the room opened (seq ≤ `openedAtSeq`) count: one that
 * arrives live while I look at the room is read as it comes, and gets no divider above it.
 */
export function firstUnreadSeq(
  messages: readonly Pick<ChatMessage, 'seq' | 'sender'>[],
  lastReadSeq: number,
  openedAtSeq: number,
  meId: string,
): number | null {
  const first = messages[0];
  if (!first || first.seq > lastReadSeq + 1) return null;
  return (
    messages.find((m) => m.seq > lastReadSeq && m.seq <= openedAtSeq && m.sender.id !== meId)
      ?.seq ?? null
  );
}
