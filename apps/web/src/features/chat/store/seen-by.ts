import type { ChatMember } from '@orgo/contracts';

/**
 * Group rooms: how many members besides me have read up to `seq`. A member's position is the
 * later of the room detail (when it loaded) and the live `room.read` events since.
 */
export function countSeenBy(
  members: readonly Pick<ChatMember, 'lastReadSeq' | 'user'>[],
  reads: Readonly<Record<string, number>>,
  meId: string,
  seq: number,
): number {
  return members.filter(
    (m) => m.user.id !== meId && Math.max(m.lastReadSeq, reads[m.user.id] ?? 0) >= seq,
  ).length;
}
