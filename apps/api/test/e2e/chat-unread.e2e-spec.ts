import { ApiClient } from '../support/client';
import { ApiProcess, startApi } from '../support/api-process';
import { connectChat, createRoom, createVerifiedUser, openDirect } from '../factories';
import { sendText } from '../support/chat';

let api: ApiProcess;
const sockets: { disconnect(): void }[] = [];

jest.setTimeout(60_000);

beforeAll(async () => {
  api = await startApi();
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

afterAll(async () => {
  await api?.stop();
});

describe('GET /api/chat/unread', () => {
  it('sums unread messages over my rooms, not my own, not deleted, only after my read mark', async () => {
    const [me, a, b] = await Promise.all([1, 2, 3].map(() => createVerifiedUser(api.url)));
    const direct = await openDirect(a, me);
    const group = await createRoom(b, [me, a]);
    const [sa, sb, smine] = await Promise.all([connectChat(a), connectChat(b), connectChat(me)]);
    sockets.push(sa.socket, sb.socket, smine.socket);

    expect((await me.api.get('/api/chat/unread')).body).toEqual({ total: 0, rooms: 0 });
    await sendText(sa.socket, direct, 'one');
    const two = await sendText(sa.socket, direct, 'two');
    await sendText(sb.socket, group, 'three');
    const gone = await sendText(sb.socket, group, 'deleted');
    await sendText(smine.socket, group, 'mine');
    if (!gone.ok || !two.ok) throw new Error('send failed');
    expect(
      (await b.api.request('DELETE', `/api/chat/rooms/${group}/messages/${gone.data.id}`)).status,
    ).toBe(204);

    expect((await me.api.get('/api/chat/unread')).body).toEqual({ total: 3, rooms: 2 });
    // Someone else's count is their own: nothing in the direct room they wrote, two in the group.
    expect((await a.api.get('/api/chat/unread')).body).toEqual({ total: 2, rooms: 1 });

    const read = await smine.socket
      .timeout(5000)
      .emitWithAck('room.read', { roomId: direct, seq: two.data.seq });
    expect(read.ok).toBe(true);
    expect((await me.api.get('/api/chat/unread')).body).toEqual({ total: 1, rooms: 1 });
  });

  it('answers 401 without a token and ignores any user id in the query', async () => {
    const [me, other] = await Promise.all([
      createVerifiedUser(api.url),
      createVerifiedUser(api.url),
    ]);
    const direct = await openDirect(other, me);
    const s = await connectChat(other);
    sockets.push(s.socket);
    await sendText(s.socket, direct, 'hi');
    expect((await new ApiClient(api.url).get('/api/chat/unread')).status).toBe(401);
    expect((await other.api.get(`/api/chat/unread?userId=${me.userId}`)).body.total).toBe(0);
  });
});
