export const Namespaces = ['/user', '/post', '/study', '/chat', '/notify'] as const;
export type Namespace = (typeof Namespaces)[number];

export const userRoom = (userId: string): `user:${string}` => `user:${userId}`;
export const sessionRoom = (sessionId: string): `session:${string}` => `session:${sessionId}`;
