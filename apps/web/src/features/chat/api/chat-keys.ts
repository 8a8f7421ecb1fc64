export const chatKeys = {
  all: ['chat'] as const,
  contacts: (userId: string) => [...chatKeys.all, 'contacts', userId] as const,
  rooms: () => [...chatKeys.all, 'rooms'] as const,
  roomLists: () => [...chatKeys.rooms(), 'list'] as const,
  roomList: (q: string) => [...chatKeys.roomLists(), q] as const,
  room: (roomId: string) => [...chatKeys.rooms(), 'detail', roomId] as const,
  unread: () => [...chatKeys.all, 'unread'] as const,
};
