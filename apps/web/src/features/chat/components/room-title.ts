import type { ChatRoom } from '@/lib/api-types';

/** Direct rooms are named after the other party; groups by their name. */
export function roomTitle(room: Pick<ChatRoom, 'name' | 'peer'>): string {
  return room.peer?.nickname ?? room.name ?? '';
}
