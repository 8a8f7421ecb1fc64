export type UserListKind = 'followers' | 'following';

export const userKeys = {
  all: ['user'] as const,
  me: () => [...userKeys.all, 'me'] as const,
  profiles: () => [...userKeys.all, 'profile'] as const,
  profile: (id: string) => [...userKeys.profiles(), id] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (id: string, kind: UserListKind) => [...userKeys.lists(), id, kind] as const,
  blocks: () => [...userKeys.lists(), 'me', 'blocks'] as const,
  /** Under `lists()`, so a follow anywhere updates them at once like the other lists. */
  directory: (q: string) => [...userKeys.lists(), 'directory', q] as const,
  suggestions: () => [...userKeys.lists(), 'suggestions'] as const,
};
