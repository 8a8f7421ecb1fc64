import type { ChatMemberRole, ChatRoomKind } from '@orgo/contracts';

/** Pure access rules for chat; the service loads the rows and asks these. */

export const MESSAGE_TEXT_MAX = 4000;
export const GROUP_NAME_MAX = 80;
export const GROUP_MEMBERS_MAX = 1000;
export const PAGE_DEFAULT = 60;
export const PAGE_MAX = 200;

export interface MembershipView {
  role: ChatMemberRole;
  leftAt: Date | null;
}

export interface RoomView {
  kind: ChatRoomKind;
  archivedAt: Date | null;
}

export interface MessageView {
  senderId: string;
  deletedAt: Date | null;
}

export function isActiveMember(member: MembershipView | null | undefined): boolean {
  return !!member && member.leftAt === null;
}

/** Only active members read a room; everyone else is told it does not exist. */
export function canReadRoom(member: MembershipView | null | undefined): boolean {
  return isActiveMember(member);
}

/** Direct rooms stay readable after a block, but nobody can post into them. */
export function canPost(
  room: RoomView,
  member: MembershipView | null | undefined,
  isBlocked: boolean,
): boolean {
  if (!isActiveMember(member) || room.archivedAt !== null) return false;
  return room.kind !== 'direct' || !isBlocked;
}

/** Renaming and adding/removing members: the owner of a group room. */
export function canManageRoom(room: RoomView, member: MembershipView | null | undefined): boolean {
  return room.kind === 'group' && isActiveMember(member) && member!.role === 'owner';
}

/** Direct rooms have exactly their two members for life. */
export function canLeave(room: RoomView): boolean {
  return room.kind === 'group';
}

export function canChangeMessage(message: MessageView, userId: string): boolean {
  return message.senderId === userId && message.deletedAt === null;
}

export function canReact(message: MessageView): boolean {
  return message.deletedAt === null;
}

/** The same key for (a, b) and (b, a): one direct room per pair. */
export function directKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/**
 * The read position a `room.read` leads to: clamped to the room's last seq and never moved
 * backwards (several tabs may report out of order). Null means "no change".
 */
export function nextReadSeq(current: number, requested: number, lastSeq: number): number | null {
  const target = Math.min(requested, lastSeq);
  return target > current ? target : null;
}

/** When the owner leaves, the longest-standing remaining member takes over. */
export function nextOwner<T extends { userId: string; joinedAt: Date }>(
  remaining: T[],
): T | undefined {
  return [...remaining].sort(
    (x, y) => x.joinedAt.getTime() - y.joinedAt.getTime() || x.userId.localeCompare(y.userId),
  )[0];
}

/**
 * A retried `clientMessageId` returns the original only if it belongs to the same room and the
 * sender can still read it; otherwise the key is taken and the client must pick a new one.
 */
export function replayable(
  original: { roomId: string },
  requestedRoomId: string,
  canReadOriginal: boolean,
): boolean {
  return original.roomId === requestedRoomId && canReadOriginal;
}

export type PageRequest =
  | { mode: 'after'; seq: number; limit: number }
  | { mode: 'before'; seq: number; limit: number }
  | { mode: 'around'; seq: number; limit: number }
  | { mode: 'aroundDate'; date: Date; limit: number }
  | { mode: 'latest'; limit: number };

/** At most one cursor; none means the newest page. */
export function pageRequest(query: {
  afterSeq?: number;
  beforeSeq?: number;
  around?: number;
  aroundDate?: Date;
  limit?: number;
}): PageRequest | null {
  const limit = Math.min(Math.max(query.limit ?? PAGE_DEFAULT, 1), PAGE_MAX);
  const given = [query.afterSeq, query.beforeSeq, query.around, query.aroundDate].filter(
    (v) => v !== undefined,
  );
  if (given.length > 1) return null;
  if (query.afterSeq !== undefined) return { mode: 'after', seq: query.afterSeq, limit };
  if (query.beforeSeq !== undefined) return { mode: 'before', seq: query.beforeSeq, limit };
  if (query.around !== undefined) return { mode: 'around', seq: query.around, limit };
  if (query.aroundDate !== undefined) return { mode: 'aroundDate', date: query.aroundDate, limit };
  return { mode: 'latest', limit };
}

/** The seq range a page covers; seqs are gap-free, so a range is exactly the page. */
export function seqRange(
  req: Exclude<PageRequest, { mode: 'aroundDate' }>,
  lastSeq: number,
): { from: number; to: number } {
  switch (req.mode) {
    case 'after':
      return { from: req.seq + 1, to: req.seq + req.limit };
    case 'before': {
      const to = Math.min(req.seq - 1, lastSeq);
      return { from: Math.max(1, to - req.limit + 1), to };
    }
    case 'around': {
      const centre = Math.min(req.seq, lastSeq);
      const from = Math.max(1, centre - Math.floor(req.limit / 2));
      return { from, to: from + req.limit - 1 };
    }
    case 'latest':
      return { from: Math.max(1, lastSeq - req.limit + 1), to: lastSeq };
  }
}

/** Whether older or newer messages exist outside a page, given the room's last seq. */
export function pageBounds(
  range: { from: number; to: number },
  lastSeq: number,
): { hasMoreBefore: boolean; hasMoreAfter: boolean } {
  return {
    hasMoreBefore: Math.min(range.from - 1, lastSeq) >= 1,
    hasMoreAfter: range.to < lastSeq,
  };
}
