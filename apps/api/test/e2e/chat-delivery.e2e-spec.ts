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
  sameUserOn,
  TestUser,
} from '../factories';
import {
  RoomReplica,
  committedMessages,
  record,
  sendText,
  sleep,
  typingHeard,
  waitFor,
} from '../support/chat';
import { nextEvent } from '../support/client';

/**
 * Delivery guarantees across real API processes sharing Postgres and Redis: the security bar's
 * "nothing lost" criterion (§3.6). Rate limits are off so streams are not throttled; the
 * per-socket inbound limit (20 sends per 10 s) still applies, so streams are paced under it.
 */
const unthrottled = { RATE_LIMIT_ENABLED: 'false' };
// A shared 2-core machine: give socket round trips room beyond jest's 5 s default.
jest.setTimeout(30_000);

let a: ApiProcess;
let b: ApiProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([startApi(unthrottled), startApi(unthrottled)]);
}, 60_000);

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const connect = (u: TestUser) => connectChat(u, { track: sockets });

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);

describe('across two API processes on one Redis', () => {
  it('carries a conversation between clients on different instances', async () => {
    const alice = await createVerifiedUser(a.url);
    const bob = await createVerifiedUser(b.url);
    const roomId = await openDirect(alice, bob);
    const [onA, onB] = await Promise.all([connect(alice), connect(bob)]);

    const texts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const [from, to] = i % 2 ? [onB, onA] : [onA, onB];
      const heard = nextEvent<ChatMessage>(to.socket, 'message.created');
      const ack = await sendText(from.socket, roomId, `turn ${i}`);
      expect(ack.ok).toBe(true);
      expect(await heard).toEqual(ack.ok && ack.data);
      texts.push(`turn ${i}`);
    }
    expect(await typingHeard(onB.socket, onA.socket, roomId, 'typing.start')).toEqual({
      roomId,
      userId: bob.userId,
    });
    const read = nextEvent(onA.socket, 'room.read');
    await onB.socket.timeout(5000).emitWithAck('room.read', { roomId, seq: 6 });
    expect(await read).toEqual({ roomId, userId: bob.userId, lastReadSeq: 6 });

    const history = await alice.api.get(`/api/chat/rooms/${roomId}/messages`);
    expect(history.body.items.map((m: ChatMessage) => m.text)).toEqual(texts);
  });

  it('moves sockets in and out of a room on every instance when membership changes', async () => {
    const owner = await createVerifiedUser(a.url);
    const peer = await createVerifiedUser(b.url);
    const guest = await createVerifiedUser(b.url);
    const roomId = await createRoom(owner, [peer]);
    const o = await connect(owner);
    const p = await connect(peer);
    // The guest has a tab on each instance.
    const [gB, gA] = await Promise.all([connect(guest), connect(sameUserOn(guest, a.url))]);

    const joined = Promise.all([
      nextEvent(gA.socket, 'member.joined'),
      nextEvent(gB.socket, 'member.joined'),
    ]);
    await follow(owner, guest);
    expect(
      (await owner.api.post(`/api/chat/rooms/${roomId}/members`, { userIds: [guest.userId] }))
        .status,
    ).toBe(200);
    await joined;
    const live = Promise.all([
      nextEvent<ChatMessage>(gA.socket, 'message.created'),
      nextEvent<ChatMessage>(gB.socket, 'message.created'),
    ]);
    await sendText(o.socket, roomId, 'hello guest');
    expect((await live).map((m) => m.text)).toEqual(['hello guest', 'hello guest']);

    const after: string[] = [];
    for (const s of [gA.socket, gB.socket])
      s.onAny((event: string) => event !== 'room.removed' && after.push(event));
    const removed = Promise.all([
      nextEvent(gA.socket, 'room.removed', 2000),
      nextEvent(gB.socket, 'room.removed', 2000),
    ]).then((r) => {
      after.length = 0;
      return r;
    });
    const started = Date.now();
    expect(
      (await owner.api.delete(`/api/chat/rooms/${roomId}/members/${guest.userId}`)).status,
    ).toBe(204);
    expect(await removed).toEqual([{ roomId }, { roomId }]);
    expect(Date.now() - started).toBeLessThan(2000);

    const heardByPeer = nextEvent<ChatMessage>(p.socket, 'message.created');
    await sendText(o.socket, roomId, 'guest is gone');
    await sendText(p.socket, roomId, 'indeed');
    expect((await heardByPeer).text).toBe('guest is gone');
    await sleep(300);
    expect(after).toEqual([]);
  });
});

describe('catch-up after being offline', () => {
  it('a client that misses 100 messages gets all of them once, in order, in one fetch', async () => {
    const alice = await createVerifiedUser(a.url);
    const bob = await createVerifiedUser(b.url);
    const roomId = await openDirect(alice, bob);
    const replica = new RoomReplica(roomId, alice.api);
    const first = await connect(alice);
    replica.attach(first.socket);
    await replica.catchUp('reconnect');
    const hello = await sendText(first.socket, roomId, 'see you later');
    expect(hello.ok).toBe(true);
    if (hello.ok) replica.add(hello.data);
    first.socket.disconnect();

    const acked: string[] = [];
    for (let i = 1; i <= 100; i++) {
      const res = await bob.api.post(`/api/chat/rooms/${roomId}/messages`, {
        clientMessageId: randomUUID(),
        text: `while you were away ${i}`,
      });
      expect(res.status).toBe(201);
      acked.push(res.body.id);
    }

    const again = await connect(alice);
    replica.attach(again.socket);
    await replica.catchUp('reconnect');
    expect(replica.reconnectFetches).toBe(2); // the first connect and this reconnect: one page each
    expect(replica.gapFetches).toBe(0);
    expect(replica.ids()).toEqual([hello.ok && hello.data.id, ...acked]);
    expect([...replica.bySeq.keys()].sort((x, y) => x - y)).toEqual(range(101));
    expect(replica.ids()).toEqual((await committedMessages(roomId)).map((m) => m.id));

    // And the live stream goes on from there.
    const live = nextEvent<ChatMessage>(again.socket, 'message.created');
    await bob.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text: 'welcome back',
    });
    expect((await live).seq).toBe(102);
  }, 60_000);
});

/** A sending client with an outbox: unacknowledged sends are retried with the same id. */
class StreamClient {
  readonly pending = new Map<string, string>();
  readonly replica: RoomReplica;
  socket!: Socket;
  disconnects = 0;

  constructor(
    readonly user: TestUser,
    readonly roomId: string,
    private readonly acked: Map<string, ChatMessage>,
  ) {
    this.replica = new RoomReplica(roomId, user.api);
  }

  async connect(baseUrl: string): Promise<void> {
    const u = sameUserOn(this.user, baseUrl);
    this.replica.api = u.api;
    const { socket } = await connectChat(u);
    sockets.push(socket);
    socket.on('disconnect', () => this.disconnects++);
    this.replica.attach(socket);
    this.socket = socket;
    await this.replica.catchUp('reconnect');
  }

  send(text: string): Promise<boolean> {
    const clientMessageId = randomUUID();
    this.pending.set(clientMessageId, text);
    return this.attempt(clientMessageId, text);
  }

  /** Reconnects elsewhere, catches up once, then flushes the outbox with the same ids. */
  async failOver(baseUrl: string): Promise<void> {
    this.socket.disconnect();
    await this.connect(baseUrl);
    for (const [clientMessageId, text] of this.pending) {
      if (!(await this.attempt(clientMessageId, text))) throw new Error('resend failed');
    }
  }

  private async attempt(clientMessageId: string, text: string): Promise<boolean> {
    try {
      const ack = await this.socket
        .timeout(4000)
        .emitWithAck('message.send', { roomId: this.roomId, clientMessageId, text });
      if (!ack.ok) throw new Error(`send refused: ${JSON.stringify(ack.error)}`);
      this.acked.set(ack.data.id, ack.data);
      this.replica.add(ack.data);
      this.pending.delete(clientMessageId);
      return true;
    } catch (err) {
      if ((err as Error).message.startsWith('send refused')) throw err;
      return false; // no ack: the instance is gone; the message may or may not be committed
    }
  }
}

describe('an instance killed mid-stream', () => {
  it('loses no acknowledged message: every client ends with exactly the committed ones', async () => {
    const victim = await startApi(unthrottled);
    try {
      const [u1, u2, u3] = await Promise.all([
        createVerifiedUser(b.url),
        createVerifiedUser(b.url),
        createVerifiedUser(b.url),
      ]);
      const roomId = await createRoom(u2, [u1, u3]);
      const acked = new Map<string, ChatMessage>();
      const [c1, c2, c3] = [u1, u2, u3].map((u) => new StreamClient(u, roomId, acked));
      await c1.connect(victim.url);
      await Promise.all([c2.connect(b.url), c3.connect(b.url)]);

      const PER_CLIENT = 18;
      const PACE_MS = 550;
      let killedAt = 0;
      const stream = async (c: StreamClient, name: string) => {
        for (let i = 0; i < PER_CLIENT; i++) {
          const sending = c.send(`${name}-${i}`);
          if (c === c1 && i === 6) {
            // SIGKILL while c1's send is in flight: committed or not, its ack is lost.
            await sleep(3);
            victim.child.kill('SIGKILL');
            killedAt = Date.now();
          }
          if (!(await sending)) await c.failOver(b.url);
          await sleep(PACE_MS);
        }
      };
      await Promise.all([stream(c1, 'c1'), stream(c2, 'c2'), stream(c3, 'c3')]);
      await new Promise<void>((resolve) =>
        victim.child.signalCode ? resolve() : victim.child.once('exit', () => resolve()),
      );
      expect(victim.child.signalCode).toBe('SIGKILL');
      expect(c1.disconnects).toBeGreaterThanOrEqual(1);
      expect(c1.replica.api.baseUrl).toBe(b.url);

      // A last message: any broadcast lost with the dead instance now shows up as a seq gap.
      expect(await c2.send('end')).toBe(true);
      const committed = await committedMessages(roomId);
      const last = committed.length;
      for (const c of [c1, c2, c3])
        await waitFor(() => c.replica.contiguous === last, 10_000, 'every client to catch up');

      // Exactly the acknowledged messages, committed once each with gap-free seqs...
      expect(committed.map((m) => m.seq)).toEqual(range(last));
      expect(new Set(committed.map((m) => m.id))).toEqual(new Set(acked.keys()));
      expect(last).toBe(3 * PER_CLIENT + 1);
      // ...held by every client, once each, in seq order, equal to the database.
      for (const c of [c1, c2, c3]) {
        expect(c.pending.size).toBe(0);
        expect(c.replica.ids()).toEqual(committed.map((m) => m.id));
        expect(c.replica.byId.size).toBe(last);
      }
      // One catch-up fetch per (re)connect: c1 connected twice.
      expect(c1.replica.reconnectFetches).toBe(2);
      expect([c2.replica.reconnectFetches, c3.replica.reconnectFetches]).toEqual([1, 1]);
      // The survivors kept talking while the victim was down.
      const afterKill = [...acked.values()].filter(
        (m) => Date.parse(m.createdAt) > killedAt && !m.text!.startsWith('c1'),
      );
      expect(afterKill.length).toBeGreaterThan(10);
    } finally {
      if (victim.child.exitCode === null && victim.child.signalCode === null) await victim.stop();
    }
  }, 90_000);
});

describe('room membership on connect', () => {
  it('subscribes a new socket to exactly the rooms of its user', async () => {
    const alice = await createVerifiedUser(a.url);
    const bob = await createVerifiedUser(b.url);
    const carol = await createVerifiedUser(b.url);
    const r1 = await openDirect(alice, bob);
    const r2 = await createRoom(bob, [alice, carol]);
    await openDirect(bob, carol);
    const s = await connect(alice);
    expect(s.roomIds.sort()).toEqual([r1, r2].sort());
    const seen = record<ChatMessage>(s.socket, 'message.created');
    const other = await connect(carol);
    await sendText(other.socket, r2, 'group');
    await waitFor(() => seen.length === 1);
    expect(seen[0].roomId).toBe(r2);
  });
});
