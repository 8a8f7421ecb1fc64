import type { TestUser } from './users';

/** `a` follows `b` (a direct room starts only with someone I follow). */
export async function follow(a: TestUser, b: TestUser): Promise<void> {
  const res = await a.api.put(`/api/users/${b.userId}/follow`);
  if (res.status !== 200 && res.status !== 204)
    throw new Error(`follow: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Follows, then opens (or finds) the direct room of `a` and `b`. */
export async function openDirect(a: TestUser, b: TestUser): Promise<string> {
  await follow(a, b);
  const res = await a.api.post('/api/chat/rooms/direct', { userId: b.userId });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`direct room: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** The owner follows each member first: a group takes only people its owner follows. */
export async function createRoom(owner: TestUser, members: TestUser[], name = '스터디방') {
  await Promise.all(members.map((m) => follow(owner, m)));
  const res = await owner.api.post('/api/chat/rooms', {
    name,
    memberIds: members.map((m) => m.userId),
  });
  if (res.status !== 201) throw new Error(`group room: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
