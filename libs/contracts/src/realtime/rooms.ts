export const Namespaces = ['/user', '/post', '/study', '/chat', '/notify'] as const;
export type Namespace = (typeof Namespaces)[number];

export const userRoom = (userId: string): `user:${string}` => `user:${userId}`;
export const sessionRoom = (sessionId: string): `session:${string}` => `session:${sessionId}`;
/** The Socket.IO room of a chat room in `/chat`; the server alone decides who is in it. */
export const chatRoom = (roomId: string): `room:${string}` => `room:${roomId}`;
/** The Socket.IO room of a study's viewers in `/study`. */
export const studyRoom = (studyId: string): `study:${string}` => `study:${studyId}`;
/** The Socket.IO room of a post's viewers in `/post`; joined only after a visibility check. */
export const postRoom = (postId: string): `post:${string}` => `post:${postId}`;
