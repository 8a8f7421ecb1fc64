import type { ChatMessage } from '@orgo/contracts';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { ApiProcess, startApi } from '../support/api-process';
import {
  connectChat,
  createRoom,
  createVerifiedUser,
  follow,
  openDirect,
  TestUser,
} from '../factories';
import {
  committedMessages,
  record,
  send,
  sendText,
  sleep,
  typingHeard,
  waitFor,
} from '../support/chat';
import { mediaRowsOf, withDb } from '../support/db';
import { nextEvent } from '../support/client';
import { pngWithXmp, svg, webp } from '../factories/images';

/** Chat over REST and real sockets on one API process (default limits), Postgres and Redis. */
// A shared 2-core machine: give socket round trips room beyond jest's 5 s default.
jest.setTimeout(30_000);

let api: ApiProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  api = await startApi();
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

afterAll(async () => {
  await api?.stop();
});

const user = () => createVerifiedUser(api);

const connect = (u: TestUser) => connectChat(u, { track: sockets });

/** Waits long enough for a broadcast that should not come to have arrived if it were coming. */
const settle = () => sleep(300);

describe('two users chat', () => {
  it('exchanges messages live over sockets, acked after commit, with no email anywhere', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const [a, b] = await Promise.all([connect(alice), connect(bob)]);
    expect(a.roomIds).toEqual([roomId]);
    expect(b.roomIds).toEqual([roomId]);

    const atBob = nextEvent<ChatMessage>(b.socket, 'message.created');
    const clientMessageId = randomUUID();
    const ack = await send(a.socket, { roomId, clientMessageId, text: '안녕하세요!' });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data).toMatchObject({
      roomId,
      seq: 1,
      clientMessageId,
      text: '안녕하세요!',
      sender: { id: alice.userId, nickname: alice.nickname, avatarUrl: null },
      replyTo: null,
      reactions: [],
      editedAt: null,
      deletedAt: null,
    });
    // The ack comes after the commit: the row is already there.
    expect(await committedMessages(roomId)).toEqual([{ id: ack.data.id, seq: 1 }]);
    expect(await atBob).toEqual(ack.data);

    const atAlice = nextEvent<ChatMessage>(a.socket, 'message.created');
    const reply = await send(b.socket, {
      roomId,
      clientMessageId: randomUUID(),
      text: '반가워요',
      replyToId: ack.data.id,
    });
    expect(reply.ok && reply.data.seq).toBe(2);
    const received = await atAlice;
    expect(received.sender.id).toBe(bob.userId);
    expect(received.replyTo).toEqual({
      id: ack.data.id,
      seq: 1,
      sender: ack.data.sender,
      text: '안녕하세요!',
      deletedAt: null,
    });

    const list = await alice.api.get('/api/chat/rooms');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      id: roomId,
      kind: 'direct',
      name: null,
      peer: { id: bob.userId, nickname: bob.nickname },
      memberCount: 2,
      lastSeq: 2,
      unreadCount: 1,
      lastMessage: { seq: 2, text: '반가워요', sender: { id: bob.userId } },
    });

    const everything = JSON.stringify([ack, received, list.body]);
    for (const email of [alice.email, bob.email]) expect(everything).not.toContain(email);
    expect(everything).not.toContain('"email"');
  });

  it('gives the sending socket its message in the ack only; my other tabs get message.created', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const [tab1, tab2, b] = await Promise.all([connect(alice), connect(alice), connect(bob)]);
    const atTab1 = record<ChatMessage>(tab1.socket, 'message.created');
    const atTab2 = record<ChatMessage>(tab2.socket, 'message.created');
    const atBob = record<ChatMessage>(b.socket, 'message.created');
    const ack = await sendText(tab1.socket, roomId, 'from tab 1');
    expect(ack.ok).toBe(true);
    // REST has no socket to leave out: every socket of the room gets it.
    const viaRest = await alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text: 'from REST',
    });
    expect(viaRest.status).toBe(201);
    await waitFor(() => atBob.length === 2 && atTab2.length === 2 && atTab1.length === 1);
    await sleep(200);
    expect(atTab2.map((m) => m.text)).toEqual(['from tab 1', 'from REST']);
    expect(atTab1.map((m) => m.text)).toEqual(['from REST']);
    expect(atBob.map((m) => m.text)).toEqual(['from tab 1', 'from REST']);
  });

  it('opens one direct room per pair, whoever asks first', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    await follow(alice, bob);
    const first = await alice.api.post('/api/chat/rooms/direct', { userId: bob.userId });
    expect(first.status).toBe(201);
    const again = await alice.api.post('/api/chat/rooms/direct', { userId: bob.userId });
    const reverse = await bob.api.post('/api/chat/rooms/direct', { userId: alice.userId });
    expect([again.status, reverse.status]).toEqual([200, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(reverse.body.id).toBe(first.body.id);
    expect(reverse.body.peer.id).toBe(alice.userId);

    const carol = await user();
    await Promise.all([follow(carol, alice), follow(alice, carol)]);
    const racing = await Promise.all([
      carol.api.post('/api/chat/rooms/direct', { userId: alice.userId }),
      alice.api.post('/api/chat/rooms/direct', { userId: carol.userId }),
      carol.api.post('/api/chat/rooms/direct', { userId: alice.userId }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
  });

  it('refuses a direct room with oneself or with an unknown user', async () => {
    const alice = await user();
    const self = await alice.api.post('/api/chat/rooms/direct', { userId: alice.userId });
    expect([self.status, self.body.code]).toEqual([400, 'CHAT_DIRECT_SELF']);
    const ghost = await alice.api.post('/api/chat/rooms/direct', { userId: randomUUID() });
    expect([ghost.status, ghost.body.code]).toEqual([404, 'CHAT_USER_NOT_FOUND']);
  });

  it('starts a direct room only with someone I follow, never across a block', async () => {
    const [alice, bob, carol] = await Promise.all([user(), user(), user()]);
    const direct = (from: TestUser, to: TestUser) =>
      from.api.post('/api/chat/rooms/direct', { userId: to.userId });
    const codeOf = (res: { status: number; body: { code?: string } }) => [
      res.status,
      res.body.code,
    ];

    // Bob follows nobody: he cannot start a conversation with Alice.
    expect(codeOf(await direct(bob, alice))).toEqual([403, 'CHAT_DIRECT_NOT_ALLOWED']);

    // Following is not enough when either side blocked the other.
    await follow(alice, carol);
    expect((await carol.api.put(`/api/users/${alice.userId}/block`)).status).toBe(204);
    expect(codeOf(await direct(alice, carol))).toEqual([403, 'CHAT_DIRECT_NOT_ALLOWED']);
    expect((await carol.api.delete(`/api/users/${alice.userId}/block`)).status).toBe(204);
    await follow(alice, carol); // a block ends follows both ways
    expect((await direct(alice, carol)).status).toBe(201);

    // An existing room: a block stops sending either way, with its own code.
    const roomId = await openDirect(alice, bob);
    const { socket: aliceSocket } = await connect(alice);
    expect((await bob.api.put(`/api/users/${alice.userId}/block`)).status).toBe(204);
    const refused = await sendText(aliceSocket, roomId, '차단된 뒤');
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHAT_DIRECT_BLOCKED' } });
    const viaRest = await bob.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text: '나도 못 보냄',
    });
    expect(codeOf(viaRest)).toEqual([403, 'CHAT_DIRECT_BLOCKED']);
    expect(await committedMessages(roomId)).toHaveLength(0);

    // After unblocking, the existing room opens again for both, follow or not.
    expect((await bob.api.delete(`/api/users/${alice.userId}/block`)).status).toBe(204);
    expect((await alice.api.delete(`/api/users/${bob.userId}/follow`)).status).toBe(204);
    expect((await direct(alice, bob)).status).toBe(200);
    expect((await direct(bob, alice)).status).toBe(200);
    expect((await sendText(aliceSocket, roomId, '다시 안녕')).ok).toBe(true);
  });

  it('keeps blocked users out of my groups, yet a blocked pair can share one', async () => {
    const [owner, alice, bob] = await Promise.all([user(), user(), user()]);
    await Promise.all([follow(owner, alice), follow(owner, bob)]);
    expect((await bob.api.put(`/api/users/${owner.userId}/block`)).status).toBe(204);
    const refused = await owner.api.post('/api/chat/rooms', {
      name: '막힌 초대',
      memberIds: [alice.userId, bob.userId],
    });
    expect([refused.status, refused.body.code]).toEqual([404, 'CHAT_USER_NOT_FOUND']);

    // Alice blocked Bob, but a third person may put both in one room, and both can post there.
    expect((await alice.api.put(`/api/users/${bob.userId}/block`)).status).toBe(204);
    const carol = await user();
    const roomId = await createRoom(carol, [alice, bob]);
    const [{ socket: a }, { socket: b }] = await Promise.all([connect(alice), connect(bob)]);
    expect((await sendText(a, roomId, '그룹에서는 괜찮아')).ok).toBe(true);
    expect((await sendText(b, roomId, '나도')).ok).toBe(true);
  });
});

describe('who can be added to a group', () => {
  it('only people the adder follows, at creation and by invite: no stranger by id', async () => {
    const [owner, friend, stranger] = await Promise.all([user(), user(), user()]);
    // The stranger follows the owner; that is not consent the other way round.
    await follow(stranger, owner);
    const pair = await owner.api.post('/api/chat/rooms', {
      name: '둘만의 방',
      memberIds: [stranger.userId],
    });
    expect([pair.status, pair.body.code]).toEqual([403, 'CHAT_INVITE_NOT_ALLOWED']);
    const mixed = await owner.api.post('/api/chat/rooms', {
      name: '섞인 초대',
      memberIds: [friend.userId, stranger.userId],
    });
    expect([mixed.status, mixed.body.code]).toEqual([403, 'CHAT_INVITE_NOT_ALLOWED']);
    const listed = await stranger.api.get('/api/chat/rooms');
    expect(listed.body.items).toEqual([]);

    const roomId = await createRoom(owner, [friend]);
    const invite = await owner.api.post(`/api/chat/rooms/${roomId}/members`, {
      userIds: [stranger.userId],
    });
    expect([invite.status, invite.body.code]).toEqual([403, 'CHAT_INVITE_NOT_ALLOWED']);
    const room = await owner.api.get(`/api/chat/rooms/${roomId}`);
    expect(room.body.members.map((m: { user: { id: string } }) => m.user.id).sort()).toEqual(
      [owner.userId, friend.userId].sort(),
    );

    // Once the owner follows them, both ways work.
    await follow(owner, stranger);
    const added = await owner.api.post(`/api/chat/rooms/${roomId}/members`, {
      userIds: [stranger.userId],
    });
    expect(added.status).toBe(200);
    const another = await user();
    await follow(owner, another);
    const created = await owner.api.post('/api/chat/rooms', {
      name: '이제 괜찮아',
      memberIds: [another.userId],
    });
    expect(created.status).toBe(201);
  });
});

describe('non-members', () => {
  it('cannot read, send, join, mark, type or react: the same answer as a missing room', async () => {
    const [alice, bob, mallory] = await Promise.all([user(), user(), user()]);
    const roomId = await openDirect(alice, bob);
    const [a] = await Promise.all([connect(alice), connect(bob)]);
    const sent = await sendText(a.socket, roomId, 'secret');
    expect(sent.ok).toBe(true);
    const messageId = sent.ok ? sent.data.id : '';
    const missing = randomUUID();

    const rest = async (roomId: string) => {
      const m = mallory.api;
      const base = `/api/chat/rooms/${roomId}`;
      const results = await Promise.all([
        m.get(base),
        m.get(`${base}/messages`),
        m.get(`${base}/messages?after_seq=0`),
        m.post(`${base}/messages`, { clientMessageId: randomUUID(), text: 'hi' }),
        m.post(`${base}/read`, { seq: 1 }),
        m.request('PATCH', base, { body: { name: 'mine' } }),
        m.post(`${base}/members`, { userIds: [mallory.userId] }),
        m.post(`${base}/leave`),
        m.request('PATCH', `${base}/messages/${messageId}`, { body: { text: 'x' } }),
        m.delete(`${base}/messages/${messageId}`),
        m.request('PUT', `${base}/messages/${messageId}/reactions/${encodeURIComponent('👍')}`),
      ]);
      return results.map((r) => [r.status, r.body.code, r.body.message]);
    };
    const forbidden = await rest(roomId);
    expect(forbidden).toEqual(await rest(missing));
    for (const [status, code] of forbidden)
      expect([status, code]).toEqual([404, 'CHAT_ROOM_NOT_FOUND']);

    const m = await connect(mallory);
    expect(m.roomIds).toEqual([]);
    const heard = record(m.socket, 'message.created');
    const typing = record(m.socket, 'typing.started');
    const sock = async (roomId: string) => {
      const acks = await Promise.all([
        send(m.socket, { roomId, clientMessageId: randomUUID(), text: 'let me in' }),
        m.socket.timeout(5000).emitWithAck('room.join', { roomId }),
        m.socket.timeout(5000).emitWithAck('room.read', { roomId, seq: 1 }),
        m.socket.timeout(5000).emitWithAck('typing.start', { roomId }),
        m.socket.timeout(5000).emitWithAck('typing.stop', { roomId }),
      ]);
      return acks.map((ack) => ack);
    };
    const refused = await sock(roomId);
    expect(refused).toEqual(await sock(missing));
    for (const ack of refused)
      expect(ack).toEqual({
        ok: false,
        error: { code: 'CHAT_ROOM_NOT_FOUND', message: 'Chat room not found.' },
      });

    // Still in no room: later traffic of that room never reaches mallory.
    await a.socket.timeout(5000).emitWithAck('typing.start', { roomId });
    await sendText(a.socket, roomId, 'still secret');
    await settle();
    expect(heard).toEqual([]);
    expect(typing).toEqual([]);
    expect((await committedMessages(roomId)).length).toBe(2);
  });
});

describe('the author is the authenticated user', () => {
  it('refuses a forged sender in the payload and never stores one', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const a = await connect(alice);
    for (const forged of [{ senderId: bob.userId }, { sender: { id: bob.userId } }]) {
      const ack = await send(a.socket, {
        roomId,
        clientMessageId: randomUUID(),
        text: 'from bob?',
        ...forged,
      });
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(ack.error.code).toBe('COMMON_VALIDATION_FAILED');
      const res = await alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
        clientMessageId: randomUUID(),
        text: 'from bob?',
        ...forged,
      });
      expect([res.status, res.body.code]).toEqual([400, 'COMMON_VALIDATION_FAILED']);
    }
    expect(await committedMessages(roomId)).toEqual([]);

    const ok = await alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text: 'really me',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.sender.id).toBe(alice.userId);
    const sender = await withDb((db) =>
      db.query('SELECT sender_id FROM chat_message WHERE id = $1', [ok.body.id]),
    );
    expect(sender.rows[0].sender_id).toBe(alice.userId);
  });
});

describe('idempotent sends', () => {
  it('turns a retried clientMessageId into one message with the same id and seq', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const [a, b] = await Promise.all([connect(alice), connect(bob)]);
    const created = record<ChatMessage>(b.socket, 'message.created');
    const clientMessageId = randomUUID();
    const payload = { roomId, clientMessageId, text: 'once' };

    const first = await send(a.socket, payload);
    const retry = await send(a.socket, payload);
    const overRest = await alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId,
      text: 'once',
    });
    expect(first.ok && retry.ok).toBe(true);
    expect(retry).toEqual(first);
    expect(overRest.status).toBe(200);
    expect(overRest.body).toEqual(first.ok && first.data);

    // Concurrent duplicates (a double click, a retry racing the original): still one row.
    const racingId = randomUUID();
    const racing = await Promise.all(
      Array.from({ length: 5 }, () =>
        send(a.socket, { roomId, clientMessageId: racingId, text: 'r' }),
      ),
    );
    const ids = new Set(racing.map((r) => (r.ok ? `${r.data.id}/${r.data.seq}` : r.error.code)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/\/2$/);

    // No seq was burnt by the losers: the next message is 3.
    const next = await sendText(a.socket, roomId, 'next');
    expect(next.ok && next.data.seq).toBe(3);
    expect((await committedMessages(roomId)).map((m) => m.seq)).toEqual([1, 2, 3]);
    await waitFor(() => created.length >= 3);
    await settle();
    expect(created.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('refuses a clientMessageId already used in another room', async () => {
    const [alice, bob, carol] = await Promise.all([user(), user(), user()]);
    const [r1, r2] = await Promise.all([openDirect(alice, bob), openDirect(alice, carol)]);
    const clientMessageId = randomUUID();
    const first = await alice.api.post(`/api/chat/rooms/${r1}/messages`, {
      clientMessageId,
      text: 'to bob',
    });
    expect(first.status).toBe(201);
    const reused = await alice.api.post(`/api/chat/rooms/${r2}/messages`, {
      clientMessageId,
      text: 'to carol',
    });
    expect([reused.status, reused.body.code]).toEqual([409, 'CHAT_MESSAGE_CLIENT_ID_REUSED']);
    expect(await committedMessages(r2)).toEqual([]);
  });
});

describe('unread counts', () => {
  const unread = async (u: TestUser, roomId: string) => {
    const res = await u.api.get('/api/chat/rooms');
    return res.body.items.find((r: { id: string }) => r.id === roomId)?.unreadCount as number;
  };

  it('count others’ live messages after my read position, across deletes and tabs', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const b = await connect(bob);
    const sent: ChatMessage[] = [];
    for (let i = 1; i <= 6; i++) {
      const ack = await sendText(b.socket, roomId, `m${i}`);
      if (ack.ok) sent.push(ack.data);
    }
    // My own messages never count as unread.
    await alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text: 'mine',
    });
    expect(await unread(alice, roomId)).toBe(6);
    expect(await unread(bob, roomId)).toBe(1);

    // Deleted messages stop counting at once.
    for (const m of [sent[1], sent[4]])
      expect((await bob.api.delete(`/api/chat/rooms/${roomId}/messages/${m.id}`)).status).toBe(204);
    expect(await unread(alice, roomId)).toBe(4);

    // Two tabs: one reads up to seq 3; the other hears it and cannot move the position back.
    const [tab1, tab2] = await Promise.all([connect(alice), connect(alice)]);
    const heard = nextEvent(tab2.socket, 'room.read');
    const read = await tab1.socket.timeout(5000).emitWithAck('room.read', { roomId, seq: 3 });
    expect(read).toEqual({ ok: true, data: { roomId, userId: alice.userId, lastReadSeq: 3 } });
    expect(await heard).toEqual({ roomId, userId: alice.userId, lastReadSeq: 3 });
    expect(await unread(alice, roomId)).toBe(2); // m4, m6 (m5 deleted)

    const stale = await tab2.socket.timeout(5000).emitWithAck('room.read', { roomId, seq: 1 });
    expect(stale).toEqual({ ok: true, data: { roomId, userId: alice.userId, lastReadSeq: 3 } });
    expect(await unread(alice, roomId)).toBe(2);

    // Reading past the end clamps to the last seq; both tabs race to the same position.
    const both = await Promise.all([
      tab1.socket.timeout(5000).emitWithAck('room.read', { roomId, seq: 999 }),
      alice.api.post(`/api/chat/rooms/${roomId}/read`, { seq: 6 }),
    ]);
    expect(both[0].data.lastReadSeq).toBeGreaterThanOrEqual(6);
    expect(await unread(alice, roomId)).toBe(0);
    const detail = await alice.api.get(`/api/chat/rooms/${roomId}`);
    expect(detail.body.lastReadSeq).toBe(7);

    // Bob sees alice's position: "seen" on his messages.
    const page = await bob.api.get(`/api/chat/rooms/${roomId}/messages`);
    expect(page.body.reads).toEqual(
      expect.arrayContaining([{ roomId, userId: alice.userId, lastReadSeq: 7 }]),
    );
  });
});

describe('group rooms', () => {
  it('create, list by activity, filter, rename by the owner only', async () => {
    const [owner, m1, m2] = await Promise.all([user(), user(), user()]);
    const study = await createRoom(owner, [m1, m2], 'NestJS 스터디');
    const other = await createRoom(owner, [m1], 'Postgres 읽기 모임');
    await owner.api.post(`/api/chat/rooms/${study}/messages`, {
      clientMessageId: randomUUID(),
      text: '첫 모임은 월요일',
    });

    const list = await m1.api.get('/api/chat/rooms');
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([study, other]);
    expect(list.body.items[0]).toMatchObject({
      kind: 'group',
      name: 'NestJS 스터디',
      ownerId: owner.userId,
      peer: null,
      memberCount: 3,
      unreadCount: 1,
    });
    const filtered = await m1.api.get(`/api/chat/rooms?q=${encodeURIComponent('postgres')}`);
    expect(filtered.body.items.map((r: { id: string }) => r.id)).toEqual([other]);
    const wildcard = await m1.api.get(`/api/chat/rooms?q=${encodeURIComponent('%')}`);
    expect(wildcard.body.items).toEqual([]);

    const page1 = await m1.api.get('/api/chat/rooms?limit=1');
    expect(page1.body.items.map((r: { id: string }) => r.id)).toEqual([study]);
    const page2 = await m1.api.get(`/api/chat/rooms?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((r: { id: string }) => r.id)).toEqual([other]);
    expect(page2.body.nextCursor).toBeNull();

    const s1 = await connect(m1);
    const updated = nextEvent(s1.socket, 'room.updated');
    const byMember = await m1.api.request('PATCH', `/api/chat/rooms/${study}`, {
      body: { name: 'hijack' },
    });
    expect([byMember.status, byMember.body.code]).toEqual([403, 'CHAT_ROOM_OWNER_ONLY']);
    const renamed = await owner.api.request('PATCH', `/api/chat/rooms/${study}`, {
      body: { name: '  NestJS 심화  ' },
    });
    expect([renamed.status, renamed.body.name]).toEqual([200, 'NestJS 심화']);
    expect(await updated).toEqual({ roomId: study, name: 'NestJS 심화', ownerId: owner.userId });

    const detail = await m2.api.get(`/api/chat/rooms/${study}`);
    expect(
      detail.body.members.map((m: { user: { id: string }; role: string }) => [m.user.id, m.role]),
    ).toEqual(
      expect.arrayContaining([
        [owner.userId, 'owner'],
        [m1.userId, 'member'],
        [m2.userId, 'member'],
      ]),
    );
    expect(JSON.stringify(detail.body)).not.toContain('@');
  });

  it('adds a member whose open sockets start receiving at once', async () => {
    const [owner, m1, newcomer] = await Promise.all([user(), user(), user()]);
    const roomId = await createRoom(owner, [m1]);
    await owner.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text: 'before you came',
    });
    const [o, n] = await Promise.all([connect(owner), connect(newcomer)]);
    expect(n.roomIds).toEqual([]);
    const joined = nextEvent(n.socket, 'member.joined');
    const byMember = await m1.api.post(`/api/chat/rooms/${roomId}/members`, {
      userIds: [newcomer.userId],
    });
    expect(byMember.status).toBe(403);
    await follow(owner, newcomer);
    const added = await owner.api.post(`/api/chat/rooms/${roomId}/members`, {
      userIds: [newcomer.userId],
    });
    expect(added.status).toBe(200);
    expect(added.body.memberCount).toBe(3);
    expect(await joined).toMatchObject({
      roomId,
      member: { user: { id: newcomer.userId }, role: 'member', lastReadSeq: 1 },
    });
    const live = nextEvent<ChatMessage>(n.socket, 'message.created');
    await sendText(o.socket, roomId, 'welcome');
    expect((await live).text).toBe('welcome');
    // History is readable, but what came before joining is not unread.
    const rooms = await newcomer.api.get('/api/chat/rooms');
    expect(rooms.body.items[0]).toMatchObject({ id: roomId, unreadCount: 1, lastSeq: 2 });
    const history = await newcomer.api.get(`/api/chat/rooms/${roomId}/messages`);
    expect(history.body.items.map((m: ChatMessage) => m.text)).toEqual([
      'before you came',
      'welcome',
    ]);
  });

  it('a removed member gets room.removed and nothing of that room after it', async () => {
    const [owner, m1, m2] = await Promise.all([user(), user(), user()]);
    const roomId = await createRoom(owner, [m1, m2]);
    const [o, s1, s2, s2b] = await Promise.all([
      connect(owner),
      connect(m1),
      connect(m2),
      connect(m2),
    ]);
    const removed = Promise.all([
      nextEvent(s2.socket, 'room.removed'),
      nextEvent(s2b.socket, 'room.removed'),
    ]);
    const left = nextEvent(s1.socket, 'member.left');
    const after: string[] = [];
    for (const s of [s2.socket, s2b.socket])
      s.onAny((event: string) => {
        if (event !== 'room.removed') after.push(event);
      });
    const gotRemoved = removed.then(() => after.splice(0));

    const res = await owner.api.delete(`/api/chat/rooms/${roomId}/members/${m2.userId}`);
    expect(res.status).toBe(204);
    expect(await removed).toEqual([{ roomId }, { roomId }]);
    expect(await left).toEqual({ roomId, userId: m2.userId });
    await gotRemoved;

    const heardByM1 = nextEvent<ChatMessage>(s1.socket, 'message.created');
    await sendText(o.socket, roomId, 'after removal');
    await o.socket.timeout(5000).emitWithAck('typing.start', { roomId });
    await owner.api.request('PATCH', `/api/chat/rooms/${roomId}`, { body: { name: 'renamed' } });
    expect((await heardByM1).text).toBe('after removal');
    await settle();
    expect(after).toEqual([]);

    const ack = await sendText(s2.socket, roomId, 'can I still?');
    expect(ack).toEqual({
      ok: false,
      error: { code: 'CHAT_ROOM_NOT_FOUND', message: 'Chat room not found.' },
    });
    const rest = await m2.api.get(`/api/chat/rooms/${roomId}/messages?after_seq=0`);
    expect([rest.status, rest.body.code]).toEqual([404, 'CHAT_ROOM_NOT_FOUND']);
    const again = await owner.api.delete(`/api/chat/rooms/${roomId}/members/${m2.userId}`);
    expect([again.status, again.body.code]).toEqual([404, 'CHAT_MEMBER_NOT_FOUND']);
  });

  it('members leave; the owner’s role passes on; the last one out archives the room', async () => {
    const [owner, m1, m2] = await Promise.all([user(), user(), user()]);
    const roomId = await createRoom(owner, [m1, m2]);
    // Both joined together; the tie goes to the smaller id.
    const [heir, other] = [m1, m2].sort((x, y) => x.userId.localeCompare(y.userId));
    const s1 = await connect(other);
    const updated = nextEvent(s1.socket, 'room.updated');
    expect((await owner.api.post(`/api/chat/rooms/${roomId}/leave`)).status).toBe(204);
    expect(await updated).toEqual({ roomId, name: '스터디방', ownerId: heir.userId });
    expect((await owner.api.get(`/api/chat/rooms/${roomId}`)).status).toBe(404);
    const byOther = await other.api.request('PATCH', `/api/chat/rooms/${roomId}`, {
      body: { name: 'mine now' },
    });
    expect(byOther.status).toBe(403);
    const rename = await heir.api.request('PATCH', `/api/chat/rooms/${roomId}`, {
      body: { name: 'mine now' },
    });
    expect(rename.status).toBe(200);

    expect((await heir.api.post(`/api/chat/rooms/${roomId}/leave`)).status).toBe(204);
    const detail = await other.api.get(`/api/chat/rooms/${roomId}`);
    expect(detail.body).toMatchObject({ ownerId: other.userId, memberCount: 1 });
    expect((await other.api.post(`/api/chat/rooms/${roomId}/leave`)).status).toBe(204);
    const archived = await withDb((db) =>
      db.query('SELECT archived_at, owner_id FROM chat_room WHERE id = $1', [roomId]),
    );
    expect(archived.rows[0].archived_at).not.toBeNull();
    expect(archived.rows[0].owner_id).toBeNull();

    const direct = await openDirect(m1, m2);
    const leaveDirect = await m1.api.post(`/api/chat/rooms/${direct}/leave`);
    expect([leaveDirect.status, leaveDirect.body.code]).toEqual([409, 'CHAT_ROOM_NOT_GROUP']);
  });
});

describe('history, edits, deletes, reactions, typing', () => {
  it('pages by seq both ways, around a seq and around a date', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const stamps: string[] = [];
    for (let i = 1; i <= 15; i++) {
      const res = await (i % 2 ? alice : bob).api.post(`/api/chat/rooms/${roomId}/messages`, {
        clientMessageId: randomUUID(),
        text: `m${i}`,
      });
      stamps.push(res.body.createdAt);
    }
    const seqs = async (query: string) => {
      const res = await alice.api.get(`/api/chat/rooms/${roomId}/messages${query}`);
      expect(res.status).toBe(200);
      return [
        res.body.items.map((m: ChatMessage) => m.seq),
        res.body.hasMoreBefore,
        res.body.hasMoreAfter,
        res.body.lastSeq,
      ];
    };
    expect(await seqs('?limit=5')).toEqual([[11, 12, 13, 14, 15], true, false, 15]);
    expect(await seqs('?before_seq=11&limit=5')).toEqual([[6, 7, 8, 9, 10], true, true, 15]);
    expect(await seqs('?after_seq=12')).toEqual([[13, 14, 15], true, false, 15]);
    expect(await seqs('?after_seq=0&limit=3')).toEqual([[1, 2, 3], false, true, 15]);
    expect(await seqs('?around=8&limit=5')).toEqual([[6, 7, 8, 9, 10], true, true, 15]);
    expect(await seqs(`?around_date=${encodeURIComponent(stamps[3])}&limit=3`)).toEqual([
      [3, 4, 5],
      true,
      true,
      15,
    ]);
    expect(await seqs('?after_seq=15')).toEqual([[], true, false, 15]);
  });

  it('edits and deletes own messages only; others see "deleted"', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const [a, b] = await Promise.all([connect(alice), connect(bob)]);
    const ack = await sendText(a.socket, roomId, 'typo');
    const id = ack.ok ? ack.data.id : '';
    const reply = await sendText(b.socket, roomId, 'quoting');
    expect(reply.ok).toBe(true);
    const quoted = await bob.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text: 'reply',
      replyToId: id,
    });

    const notMine = await bob.api.request('PATCH', `/api/chat/rooms/${roomId}/messages/${id}`, {
      body: { text: 'bob edits' },
    });
    expect([notMine.status, notMine.body.code]).toEqual([403, 'CHAT_MESSAGE_NOT_OWN']);
    expect((await bob.api.delete(`/api/chat/rooms/${roomId}/messages/${id}`)).status).toBe(403);

    const edited = nextEvent(b.socket, 'message.updated');
    const edit = await alice.api.request('PATCH', `/api/chat/rooms/${roomId}/messages/${id}`, {
      body: { text: 'fixed' },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ id, text: 'fixed', seq: 1 });
    expect(edit.body.editedAt).not.toBeNull();
    expect(await edited).toEqual({
      id,
      roomId,
      seq: 1,
      text: 'fixed',
      editedAt: edit.body.editedAt,
    });

    const deleted = nextEvent(b.socket, 'message.deleted');
    expect((await alice.api.delete(`/api/chat/rooms/${roomId}/messages/${id}`)).status).toBe(204);
    expect(await deleted).toMatchObject({ id, roomId, seq: 1 });
    expect((await alice.api.delete(`/api/chat/rooms/${roomId}/messages/${id}`)).status).toBe(204);

    const page = await bob.api.get(`/api/chat/rooms/${roomId}/messages`);
    const [first, , third] = page.body.items as ChatMessage[];
    expect(first).toMatchObject({ id, seq: 1, text: null, reactions: [] });
    expect(first.deletedAt).not.toBeNull();
    expect(third.id).toBe(quoted.body.id);
    expect(third.replyTo).toMatchObject({ id, text: null });
    const text = await withDb((db) =>
      db.query('SELECT text FROM chat_message WHERE id = $1', [id]),
    );
    expect(text.rows[0].text).toBeNull();

    const gone = await alice.api.request('PATCH', `/api/chat/rooms/${roomId}/messages/${id}`, {
      body: { text: 'undo' },
    });
    expect([gone.status, gone.body.code]).toEqual([404, 'CHAT_MESSAGE_NOT_FOUND']);
  });

  it('reacts and un-reacts, live', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const [a, b] = await Promise.all([connect(alice), connect(bob)]);
    const ack = await sendText(a.socket, roomId, 'react to me');
    const messageId = ack.ok ? ack.data.id : '';
    const path = (emoji: string) =>
      `/api/chat/rooms/${roomId}/messages/${messageId}/reactions/${encodeURIComponent(emoji)}`;

    const added = nextEvent(a.socket, 'reaction.added');
    expect((await bob.api.request('PUT', path('👍'))).status).toBe(204);
    expect(await added).toEqual({ roomId, messageId, userId: bob.userId, emoji: '👍' });
    expect((await bob.api.request('PUT', path('👍'))).status).toBe(204);
    expect((await alice.api.request('PUT', path('👍'))).status).toBe(204);
    expect((await alice.api.request('PUT', path('❤️'))).status).toBe(204);
    const page = await alice.api.get(`/api/chat/rooms/${roomId}/messages`);
    expect(page.body.items[0].reactions).toEqual([
      { emoji: '👍', userIds: [bob.userId, alice.userId] },
      { emoji: '❤️', userIds: [alice.userId] },
    ]);

    const removed = nextEvent(b.socket, 'reaction.removed');
    expect((await alice.api.request('DELETE', path('❤️'))).status).toBe(204);
    expect(await removed).toEqual({ roomId, messageId, userId: alice.userId, emoji: '❤️' });
    const bad = await alice.api.request('PUT', path('nope'));
    expect([bad.status, bad.body.code]).toEqual([400, 'COMMON_VALIDATION_FAILED']);
  });

  it('relays typing to the other members only', async () => {
    const [alice, bob, carol] = await Promise.all([user(), user(), user()]);
    const roomId = await openDirect(alice, bob);
    const [a, b, c] = await Promise.all([connect(alice), connect(bob), connect(carol)]);
    const own = record(a.socket, 'typing.started');
    const stranger = record(c.socket, 'typing.started');
    expect(await typingHeard(a.socket, b.socket, roomId, 'typing.start')).toEqual({
      roomId,
      userId: alice.userId,
    });
    expect(await typingHeard(a.socket, b.socket, roomId, 'typing.stop')).toEqual({
      roomId,
      userId: alice.userId,
    });
    await settle();
    expect(own).toEqual([]);
    expect(stranger).toEqual([]);
  });
});

describe('images', () => {
  async function uploadTo(u: TestUser, roomId: string, bytes: Buffer, type = 'image/png') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'photo');
    const res = await fetch(`${api.url}/api/chat/rooms/${roomId}/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${u.api.accessToken}`, 'x-forwarded-for': u.api.ip },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it('sends an image to the room only, behind a signed URL that dies with the message', async () => {
    const [alice, bob, carol] = await Promise.all([user(), user(), user()]);
    const roomId = await openDirect(alice, bob);
    const [{ socket: a }, { socket: b }] = await Promise.all([connect(alice), connect(bob)]);

    const up = await uploadTo(alice, roomId, await pngWithXmp(800, 600));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ id: expect.any(String), width: 800, height: 600 });
    expect(up.body.url).toMatch(new RegExp(`^/api/media/${up.body.id}\\?exp=\\d+&sig=[\\w-]{43}$`));

    const heard = nextEvent<ChatMessage>(b, 'message.created');
    const sent = await send(a, { roomId, clientMessageId: randomUUID(), imageId: up.body.id });
    expect(sent.ok).toBe(true);
    const message = await heard;
    expect(message).toMatchObject({
      text: null,
      image: { id: up.body.id, width: 800, height: 600 },
    });

    const full = await fetch(`${api.url}${message.image!.url}`);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/webp');
    expect(full.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect((await fetch(`${api.url}${message.image!.url}&size=thumb`)).status).toBe(200);
    // No signature, a forged one, or an expired one: the image does not exist.
    const { exp, sig } = Object.fromEntries(new URL(message.image!.url, api.url).searchParams);
    for (const path of [
      `/api/media/${up.body.id}`,
      `/api/media/${up.body.id}?exp=${exp}&sig=${'A'.repeat(43)}`,
      `/api/media/${up.body.id}?exp=${Number(exp) + 3600}&sig=${sig}`,
      `/api/media/${up.body.id}?exp=1000&sig=${sig}`,
    ])
      expect((await fetch(`${api.url}${path}`)).status).toBe(404);

    // Only the uploader sends it, and only once.
    const stolen = await send(b, { roomId, clientMessageId: randomUUID(), imageId: up.body.id });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'CHAT_IMAGE_NOT_FOUND' } });
    const twice = await send(a, { roomId, clientMessageId: randomUUID(), imageId: up.body.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CHAT_IMAGE_NOT_FOUND' } });

    // Outsiders cannot upload to the room; nothing is stored for them.
    const outsider = await uploadTo(carol, roomId, await webp());
    expect([outsider.status, outsider.body.code]).toEqual([404, 'CHAT_ROOM_NOT_FOUND']);
    expect(await mediaRowsOf(carol.userId)).toBe(0);

    // Deleting the message deletes the image.
    const del = await alice.api.delete(`/api/chat/rooms/${roomId}/messages/${message.id}`);
    expect(del.status).toBe(204);
    expect((await fetch(`${api.url}${message.image!.url}`)).status).toBe(404);
    expect(await mediaRowsOf(alice.userId)).toBe(0);
    const history = await bob.api.get(`/api/chat/rooms/${roomId}/messages`);
    expect(history.body.items[0]).toMatchObject({ id: message.id, image: null, text: null });
  });

  it('binds an upload to its room: another room refuses it with its own code', async () => {
    const [alice, bob, carol] = await Promise.all([user(), user(), user()]);
    const roomA = await openDirect(alice, bob);
    const roomB = await openDirect(alice, carol);
    const { socket: a } = await connect(alice);
    const up = await uploadTo(alice, roomA, await webp());
    expect(up.status).toBe(201);

    const elsewhere = await send(a, {
      roomId: roomB,
      clientMessageId: randomUUID(),
      imageId: up.body.id,
    });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'CHAT_IMAGE_OTHER_ROOM' } });
    const byRest = await alice.api.post(`/api/chat/rooms/${roomB}/messages`, {
      clientMessageId: randomUUID(),
      imageId: up.body.id,
    });
    expect([byRest.status, byRest.body.code]).toEqual([409, 'CHAT_IMAGE_OTHER_ROOM']);
    expect(await committedMessages(roomB)).toHaveLength(0);

    // Still good for the room it was uploaded to.
    const home = await send(a, {
      roomId: roomA,
      clientMessageId: randomUUID(),
      imageId: up.body.id,
    });
    expect(home).toMatchObject({ ok: true, data: { roomId: roomA, image: { id: up.body.id } } });
  });

  it('refuses non-images and empty messages, storing nothing', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const bad = await uploadTo(alice, roomId, svg, 'image/svg+xml');
    expect([bad.status, bad.body.code]).toEqual([415, 'MEDIA_TYPE_UNSUPPORTED']);
    expect(await mediaRowsOf(alice.userId)).toBe(0);
    const empty = await alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
    });
    expect([empty.status, empty.body.code]).toEqual([400, 'COMMON_VALIDATION_FAILED']);
    const ghost = await alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      imageId: randomUUID(),
      text: '사진 없음',
    });
    expect([ghost.status, ghost.body.code]).toEqual([404, 'CHAT_IMAGE_NOT_FOUND']);
    expect(await committedMessages(roomId)).toHaveLength(0);
  });
});

describe('accounts', () => {
  it('an unverified account reads nothing new and cannot start rooms or send', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    await withDb((db) =>
      db.query('UPDATE app_user SET email_verified_at = NULL WHERE id = $1', [alice.userId]),
    );
    const { socket } = await connect(alice);
    const bySocket = await sendText(socket, roomId, '인증 전');
    expect(bySocket).toMatchObject({ ok: false, error: { code: 'AUTH_EMAIL_NOT_VERIFIED' } });
    const byRest = await alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text: '인증 전',
    });
    expect([byRest.status, byRest.body.code]).toEqual([403, 'AUTH_EMAIL_NOT_VERIFIED']);
    const start = await alice.api.post('/api/chat/rooms', { name: '방', memberIds: [bob.userId] });
    expect([start.status, start.body.code]).toEqual([403, 'AUTH_EMAIL_NOT_VERIFIED']);
    expect(await committedMessages(roomId)).toHaveLength(0);
    // Reading stays open.
    expect((await alice.api.get(`/api/chat/rooms/${roomId}/messages`)).status).toBe(200);
  });

  it('a withdrawn member leaves every group; their messages stay as "탈퇴한 사용자"', async () => {
    const password = `climb-${randomUUID()}`;
    const leaver = await createVerifiedUser(api.url, { password });
    const [owner, other] = await Promise.all([user(), user()]);
    const roomId = await createRoom(owner, [leaver, other]);
    const [{ socket: l }, { socket: o }] = await Promise.all([connect(leaver), connect(owner)]);
    expect((await sendText(l, roomId, '먼저 갑니다')).ok).toBe(true);

    const left = nextEvent<{ roomId: string; userId: string }>(o, 'member.left');
    const gone = await leaver.api.request('DELETE', '/api/users/me', {
      body: { password, contentPolicy: 'anonymize' },
    });
    expect(gone.status).toBe(204);
    expect(await left).toEqual({ roomId, userId: leaver.userId });

    const detail = await owner.api.get(`/api/chat/rooms/${roomId}`);
    expect(detail.body.members.map((m: { user: { id: string } }) => m.user.id)).not.toContain(
      leaver.userId,
    );
    const history = await owner.api.get(`/api/chat/rooms/${roomId}/messages`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].sender).toEqual({
      id: leaver.userId,
      nickname: '탈퇴한 사용자',
      avatarUrl: null,
    });
    expect(JSON.stringify(history.body)).not.toContain(leaver.nickname);
  });
});

describe('bad input', () => {
  it('answers every malformed request with a 4xx and a code, never a 5xx', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const base = `/api/chat/rooms/${roomId}`;
    const cmid = () => randomUUID();
    const cases: [string, string, unknown?][] = [
      ['GET', '/api/chat/rooms/not-a-uuid'],
      ['GET', '/api/chat/rooms?limit=0'],
      ['GET', '/api/chat/rooms?limit=201'],
      ['GET', '/api/chat/rooms?limit=abc'],
      ['GET', '/api/chat/rooms?cursor=bm9wZQ'],
      ['GET', '/api/chat/rooms?cursor=WyJ4IiwieSJd'],
      [
        'GET',
        `/api/chat/rooms?cursor=${Buffer.from(`["1${'0'.repeat(20)}","${roomId}"]`).toString('base64url')}`,
      ],
      ['GET', `/api/chat/rooms?q=${'x'.repeat(81)}`],
      ['GET', `${base}/messages?limit=0`],
      ['GET', `${base}/messages?limit=201`],
      ['GET', `${base}/messages?after_seq=-1`],
      ['GET', `${base}/messages?after_seq=1.5`],
      ['GET', `${base}/messages?after_seq=abc`],
      ['GET', `${base}/messages?after_seq=99999999999999999999`],
      ['GET', `${base}/messages?before_seq=0`],
      ['GET', `${base}/messages?after_seq=1&before_seq=5`],
      ['GET', `${base}/messages?around_date=yesterday`],
      ['GET', `${base}/messages?around_date=-271821-04-20T00:00:00Z`],
      ['GET', `${base}/messages?unknown=1`],
      ['POST', '/api/chat/rooms/direct', {}],
      ['POST', '/api/chat/rooms/direct', { userId: 'x' }],
      ['POST', '/api/chat/rooms', { name: '', memberIds: [] }],
      ['POST', '/api/chat/rooms', { name: 'x'.repeat(81), memberIds: [] }],
      ['POST', '/api/chat/rooms', { name: 'ok', memberIds: 'nope' }],
      ['POST', '/api/chat/rooms', { name: 'ok', memberIds: [bob.userId, bob.userId] }],
      ['POST', '/api/chat/rooms', { name: 'ok', memberIds: ['x'] }],
      ['POST', '/api/chat/rooms', { name: 'ok', memberIds: [randomUUID()] }],
      ['POST', '/api/chat/rooms', { name: 'ok', memberIds: Array(101).fill(bob.userId) }],
      ['POST', `${base}/messages`, { clientMessageId: cmid(), text: '' }],
      ['POST', `${base}/messages`, { clientMessageId: cmid(), text: '   ' }],
      ['POST', `${base}/messages`, { clientMessageId: cmid(), text: 'x'.repeat(4001) }],
      ['POST', `${base}/messages`, { clientMessageId: cmid(), text: 42 }],
      ['POST', `${base}/messages`, { clientMessageId: 'abc', text: 'hi' }],
      ['POST', `${base}/messages`, { text: 'hi' }],
      ['POST', `${base}/messages`, { clientMessageId: cmid(), text: 'hi', replyToId: 'x' }],
      ['POST', `${base}/messages`, { clientMessageId: cmid(), text: 'hi', replyToId: cmid() }],
      ['POST', `${base}/messages`, [1, 2]],
      ['POST', `${base}/read`, { seq: -1 }],
      ['POST', `${base}/read`, { seq: 'x' }],
      ['POST', `${base}/read`, {}],
      ['PATCH', base, { name: 'dm rename' }],
      ['POST', `${base}/members`, { userIds: [] }],
      ['PATCH', `${base}/messages/${randomUUID()}`, { text: 'x' }],
      ['DELETE', `${base}/messages/not-a-uuid`],
      ['PUT', `${base}/messages/${randomUUID()}/reactions/${encodeURIComponent('👍')}`],
    ];
    for (const [method, path, body] of cases) {
      const res = await alice.api.request(method, path, body === undefined ? {} : { body });
      expect({ method, path, status: res.status < 500 && res.status >= 400 }).toEqual({
        method,
        path,
        status: true,
      });
      expect(typeof res.body.code).toBe('string');
    }
    const raw = await alice.api.request('POST', `${base}/messages`, { raw: '{"text":' });
    expect([raw.status, raw.body.code]).toEqual([400, 'COMMON_VALIDATION_FAILED']);
    const big = await alice.api.post(`${base}/messages`, {
      clientMessageId: cmid(),
      text: 'x'.repeat(4000),
    });
    expect(big.status).toBe(201);
  });

  it('answers every malformed socket event through its ack with a code', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const a = await connect(alice);
    const ack = (event: string, ...args: unknown[]) =>
      a.socket.timeout(5000).emitWithAck(event, ...args);
    const cases: [string, unknown[]][] = [
      ['message.send', [null]],
      ['message.send', ['text']],
      ['message.send', [[roomId]]],
      ['message.send', [{}]],
      ['message.send', [{ roomId, text: 'no client id' }]],
      ['message.send', [{ roomId: 'x', clientMessageId: randomUUID(), text: 'hi' }]],
      ['message.send', [{ roomId, clientMessageId: randomUUID(), text: 'x'.repeat(4001) }]],
      ['message.send', [{ roomId, clientMessageId: randomUUID(), text: ['a'] }]],
      ['room.read', [{ roomId, seq: 'last' }]],
      ['room.read', [{ roomId }]],
      ['room.join', [{ roomId: 42 }]],
      ['typing.start', [{}]],
      ['room.delete', [{ roomId }]],
    ];
    for (const [event, args] of cases) {
      const res = await ack(event, ...args);
      expect({ event, ok: res.ok }).toEqual({ event, ok: false });
      expect(res.error.code).toMatch(/^(COMMON_VALIDATION_FAILED|REALTIME_EVENT_UNKNOWN)$/);
    }
    expect((await ack('room.delete', { roomId })).error.code).toBe('REALTIME_EVENT_UNKNOWN');
    // No ack callback at all: nothing to answer, and the connection survives.
    a.socket.emit('message.send', { roomId });
    const fine = await sendText(a.socket, roomId, 'still connected');
    expect(fine.ok).toBe(true);
    expect(api.output()).not.toMatch(/"level":50/);
  });

  it('limits sends per user: 20 per 10 s, then 429 / COMMON_RATE_LIMITED', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    const results = await Promise.all(
      Array.from({ length: 22 }, (_, i) =>
        alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
          clientMessageId: randomUUID(),
          text: `flood ${i}`,
        }),
      ),
    );
    const limited = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    expect(limited).toHaveLength(2);
    expect(limited[0].body.code).toBe('COMMON_RATE_LIMITED');
    expect(limited[0].headers.get('retry-after')).toBeTruthy();
    expect((await committedMessages(roomId)).map((m) => m.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });
});

describe('indexes', () => {
  it('serve the hot chat queries', async () => {
    const [alice, bob] = await Promise.all([user(), user()]);
    const roomId = await openDirect(alice, bob);
    await sendText((await connect(alice)).socket, roomId, 'indexed');
    const plans = await withDb(async (db) => {
      // Tiny test tables would be scanned anyway; this asks whether an index *can* serve each query.
      await db.query('SET enable_seqscan = off');
      // A room with history, and fresh statistics: a page is a narrow seq range of a long room
      // (over a few rows both (room_id, …) indexes cost the same and the pick is a coin toss).
      await db.query(
        `INSERT INTO chat_message (room_id, seq, sender_id, client_message_id, text, created_at)
         SELECT $1, s, $2, gen_random_uuid(), 'history', now() FROM generate_series(2, 400) s`,
        [roomId, alice.userId],
      );
      await db.query('UPDATE chat_room SET last_seq = 400 WHERE id = $1', [roomId]);
      await db.query('ANALYZE chat_message, chat_member, chat_room');
      const plan = async (sql: string, params: unknown[]) =>
        (await db.query(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
      return {
        page: await plan(
          'SELECT id FROM chat_message WHERE room_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
          [roomId, 301, 350],
        ),
        unread: await plan(
          `SELECT count(*) FROM chat_message WHERE room_id = $1 AND seq > $2
             AND sender_id <> $3 AND deleted_at IS NULL`,
          [roomId, 0, alice.userId],
        ),
        retry: await plan(
          'SELECT id FROM chat_message WHERE sender_id = $1 AND client_message_id = $2',
          [alice.userId, randomUUID()],
        ),
        date: await plan(
          `SELECT seq FROM chat_message WHERE room_id = $1 AND created_at >= $2
            ORDER BY created_at, seq LIMIT 1`,
          [roomId, new Date()],
        ),
        myRooms: await plan(
          'SELECT room_id FROM chat_member WHERE user_id = $1 AND left_at IS NULL',
          [alice.userId],
        ),
        pair: await plan('SELECT id FROM chat_room WHERE direct_key = $1', ['a:b']),
      };
    });
    expect(plans.page).toMatch(/uq_chat_message_room_seq/);
    // Either (room_id, …) index narrows the count to the room; the planner picks by statistics.
    expect(plans.unread).toMatch(/Index Cond: \(+room_id = /);
    expect(plans.retry).toMatch(/uq_chat_message_sender_client_id/);
    expect(plans.date).toMatch(/ix_chat_message_room_created/);
    expect(plans.myRooms).toMatch(/ix_chat_member_user_active/);
    expect(plans.pair).toMatch(/uq_chat_room_direct_key/);
    for (const plan of Object.values(plans)) expect(plan).not.toMatch(/Seq Scan/);
  });
});
