import type { Ack, ChatMessage } from '@orgo/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NamespaceSocket } from '@/lib/socket';
import { buildChatMessage } from '@/testing/factories';
import { AUTO_RETRY_MAX, createChatEngine } from './chat-engine';
import { createOutbox } from './outbox';
import type { MessagePage } from './room-timeline';

type Listener = (...args: never[]) => void;
type AckWithError = (error: Error | null, res?: Ack<ChatMessage>) => void;

/** Records emits and lets the test answer acks and push server events. */
function fakeSocket() {
  const listeners = new Map<string, Set<Listener>>();
  const sends: { payload: { clientMessageId: string; text: string }; ack: AckWithError }[] = [];
  const emits: { event: string; payload: unknown }[] = [];
  const socket = {
    connected: true,
    on(event: string, listener: Listener) {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      return socket;
    },
    off(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return socket;
    },
    emit(event: string, payload: unknown) {
      emits.push({ event, payload });
      return socket;
    },
    timeout: () => ({
      emit: (_event: string, payload: (typeof sends)[number]['payload'], ack: AckWithError) => {
        sends.push({ payload, ack });
      },
    }),
  };
  const fire = (event: string, payload?: unknown) =>
    listeners.get(event)?.forEach((l) => (l as (p: unknown) => void)(payload));
  return { socket, sends, emits, fire };
}

const emptyPage: MessagePage = {
  items: [],
  lastSeq: 0,
  hasMoreBefore: false,
  hasMoreAfter: false,
  reads: [],
};

function setup(storage = new Map<string, string>()) {
  const fake = fakeSocket();
  const fetchPage = vi.fn(async (): Promise<MessagePage> => emptyPage);
  const onRoomChanged = vi.fn();
  let n = 0;
  const engine = createChatEngine({
    socket: fake.socket as unknown as NamespaceSocket<'/chat'>,
    meId: '1',
    outbox: createOutbox(
      { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
      'outbox',
    ),
    fetchPage,
    onRoomsChanged: vi.fn(),
    onRoomChanged,
    newId: () => `client-${(n += 1)}`,
  });
  const stop = engine.start();
  return { ...fake, engine, fetchPage, onRoomChanged, stop, storage };
}

const mine = (overrides: Partial<ChatMessage>) =>
  buildChatMessage({ sender: { id: '1', nickname: '지우', avatarUrl: null }, ...overrides });

describe('chat engine', () => {
  afterEach(() => vi.useRealTimers());

  it('sends with a clientMessageId, keeps it pending, and clears it on the ack', async () => {
    const { engine, sends } = setup();
    const timeline = engine.timeline('room-1');
    await timeline.load();
    engine.send('room-1', '안녕');
    expect(sends[0]?.payload).toEqual({
      roomId: 'room-1',
      clientMessageId: 'client-1',
      text: '안녕',
    });
    expect(engine.outbox.entries()).toMatchObject([
      { clientMessageId: 'client-1', status: 'pending' },
    ]);

    sends[0]!.ack(null, { ok: true, data: mine({ seq: 1, clientMessageId: 'client-1' }) });
    expect(engine.outbox.entries()).toEqual([]);
    expect(timeline.getState().messages.map((m) => m.seq)).toEqual([1]);
  });

  it('sends a reply with replyToId, and keeps it and its quote in the outbox for a resend', () => {
    const { engine, sends, storage } = setup();
    const original = buildChatMessage({
      seq: 7,
      text: '점심 뭐 먹어요?',
      reactions: [{ emoji: '👍', userIds: ['2'] }],
    });
    engine.send('room-1', '맞아요', { replyTo: original });
    expect(sends[0]?.payload).toEqual({
      roomId: 'room-1',
      clientMessageId: 'client-1',
      text: '맞아요',
      replyToId: 'message-7',
    });
    const quote = {
      id: 'message-7',
      seq: 7,
      sender: original.sender,
      text: '점심 뭐 먹어요?',
      deletedAt: null,
    };
    expect(engine.outbox.entries()[0]?.replyTo).toEqual(quote);
    expect(JSON.parse(storage.get('outbox')!)).toMatchObject([
      { replyToId: 'message-7', replyTo: quote },
    ]);
  });

  it('reports which room changed on renames and membership changes', () => {
    const { fire, onRoomChanged } = setup();
    fire('room.updated', { roomId: 'room-1', name: '새 이름', ownerId: '1' });
    fire('member.left', { roomId: 'room-2', userId: '3' });
    fire('room.removed', { roomId: 'room-3' });
    expect(onRoomChanged.mock.calls).toEqual([['room-1'], ['room-2'], ['room-3']]);
  });

  it('marks a refused send failed and retries it with the same clientMessageId', () => {
    const { engine, sends } = setup();
    engine.send('room-1', '안녕');
    sends[0]!.ack(null, {
      ok: false,
      error: { code: 'COMMON_RATE_LIMITED', message: 'slow down' },
    } as Ack<ChatMessage>);
    expect(engine.outbox.entries()).toMatchObject([
      { status: 'failed', errorCode: 'COMMON_RATE_LIMITED' },
    ]);

    engine.retry('client-1');
    expect(sends[1]?.payload.clientMessageId).toBe('client-1');
    expect(engine.outbox.entries()).toMatchObject([{ status: 'pending' }]);
    expect(engine.outbox.entries()[0]).not.toHaveProperty('errorCode');
  });

  it('sends again by itself after the wait a 503 or 429 names, then shows the failure', () => {
    vi.useFakeTimers();
    const { engine, sends } = setup();
    engine.send('room-1', '안녕');
    const busy = {
      ok: false,
      error: { code: 'COMMON_SERVICE_UNAVAILABLE', message: 'busy', retryAfterSec: 5 },
    } as Ack<ChatMessage>;
    for (let attempt = 1; attempt <= AUTO_RETRY_MAX; attempt++) {
      sends[attempt - 1]!.ack(null, busy);
      expect(engine.outbox.entries()).toMatchObject([{ status: 'pending' }]);
      vi.advanceTimersByTime(4_999);
      expect(sends).toHaveLength(attempt);
      vi.advanceTimersByTime(1);
      expect(sends[attempt]?.payload.clientMessageId).toBe('client-1');
    }
    sends[AUTO_RETRY_MAX]!.ack(null, busy);
    expect(engine.outbox.entries()).toMatchObject([
      { status: 'failed', errorCode: 'COMMON_SERVICE_UNAVAILABLE' },
    ]);
    vi.advanceTimersByTime(60_000);
    expect(sends).toHaveLength(AUTO_RETRY_MAX + 1);
  });

  it('stops a scheduled resend when the message is discarded', () => {
    vi.useFakeTimers();
    const { engine, sends } = setup();
    engine.send('room-1', '안녕');
    sends[0]!.ack(null, {
      ok: false,
      error: { code: 'COMMON_RATE_LIMITED', message: 'slow down', retryAfterSec: 2 },
    } as Ack<ChatMessage>);
    engine.discard('client-1');
    vi.advanceTimersByTime(10_000);
    expect(sends).toHaveLength(1);
  });

  it('keeps the reason of a refusal with the failed message', () => {
    const { engine, sends } = setup();
    engine.send('room-1', '안녕');
    sends[0]!.ack(null, {
      ok: false,
      error: { code: 'CHAT_DIRECT_BLOCKED', message: 'blocked' },
    } as Ack<ChatMessage>);
    expect(engine.outbox.entries()).toMatchObject([
      { status: 'failed', errorCode: 'CHAT_DIRECT_BLOCKED', text: '안녕' },
    ]);
  });

  it('remembers a room I was removed from', () => {
    const { engine, fire } = setup();
    const listener = vi.fn();
    engine.subscribe(listener);
    expect(engine.wasRemoved('room-3')).toBe(false);
    fire('room.removed', { roomId: 'room-3' });
    expect(engine.wasRemoved('room-3')).toBe(true);
    expect(engine.wasRemoved('room-1')).toBe(false);
    expect(listener).toHaveBeenCalled();
  });

  it('marks a send failed when the ack times out while connected', () => {
    const { engine, sends } = setup();
    engine.send('room-1', '안녕');
    sends[0]!.ack(new Error('operation has timed out'));
    expect(engine.outbox.entries()).toMatchObject([{ status: 'failed' }]);
  });

  it('keeps a send cut off by a disconnect pending and sends it again after the rejoin', () => {
    const { engine, sends, socket, fire } = setup();
    engine.send('room-1', '안녕');
    socket.connected = false;
    fire('disconnect');
    sends[0]!.ack(new Error('socket has been disconnected'));
    expect(engine.outbox.entries()).toMatchObject([{ status: 'pending' }]);
    expect(engine.isOffline()).toBe(true);

    socket.connected = true;
    fire('rooms.joined', { roomIds: ['room-1'] });
    expect(engine.isOffline()).toBe(false);
    expect(sends.map((s) => s.payload.clientMessageId)).toEqual(['client-1', 'client-1']);
  });

  it('writes nothing to the socket while offline, and resends after a reload', () => {
    const first = setup();
    first.socket.connected = false;
    first.engine.send('room-1', '나중에');
    expect(first.sends).toEqual([]);
    first.stop();

    const reloaded = setup(first.storage);
    expect(reloaded.sends.map((s) => s.payload)).toEqual([
      { roomId: 'room-1', clientMessageId: 'client-1', text: '나중에' },
    ]);
  });

  it('clears the outbox entry when my message arrives as message.created', () => {
    const { engine, fire } = setup();
    engine.send('room-1', '안녕');
    fire('message.created', mine({ seq: 1, clientMessageId: 'client-1' }));
    expect(engine.outbox.entries()).toEqual([]);
  });

  it('catches every open room up after rooms.joined', async () => {
    const { engine, fire, fetchPage } = setup();
    await engine.timeline('room-1').load();
    await engine.timeline('room-2').load();
    fetchPage.mockClear();
    fire('rooms.joined', { roomIds: ['room-1', 'room-2'] });
    expect(fetchPage.mock.calls).toEqual([
      ['room-1', { afterSeq: 0 }],
      ['room-2', { afterSeq: 0 }],
    ]);
  });

  it('after a reconnect, asks for what follows the last contiguous seq it received', async () => {
    const { engine, fire, fetchPage, socket } = setup();
    const timeline = engine.timeline('room-1');
    await timeline.load();
    const message = (seq: number) => buildChatMessage({ roomId: 'room-1', seq });
    fire('message.created', message(1));
    // Seq 3 arrives (relayed from another instance) before 2, and the gap fetch fails.
    fetchPage.mockRejectedValueOnce(new Error('instance gone'));
    fire('message.created', message(3));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetchPage).toHaveBeenLastCalledWith('room-1', { afterSeq: 1 });
    socket.connected = false;
    fire('disconnect');
    fetchPage.mockClear();
    socket.connected = true;
    fire('rooms.joined', { roomIds: ['room-1'] });
    expect(fetchPage.mock.calls).toEqual([['room-1', { afterSeq: 1 }]]);
  });

  it('shows who is typing until they stop, send, or the notice lapses', () => {
    vi.useFakeTimers();
    const { engine, fire } = setup();
    const before = engine.typingIn('room-1');
    expect(engine.typingIn('room-1')).toBe(before);
    fire('typing.started', { roomId: 'room-1', userId: '2' });
    fire('typing.started', { roomId: 'room-1', userId: '1' });
    expect(engine.typingIn('room-1')).toEqual(['2']);
    fire('message.created', buildChatMessage({ seq: 1 }));
    expect(engine.typingIn('room-1')).toEqual([]);
    fire('typing.started', { roomId: 'room-1', userId: '2' });
    vi.advanceTimersByTime(8_000);
    expect(engine.typingIn('room-1')).toEqual([]);
  });

  it('sends room.read only when the position moves forward', () => {
    const { engine, emits } = setup();
    engine.markRead('room-1', 3);
    engine.markRead('room-1', 3);
    engine.markRead('room-1', 2);
    engine.markRead('room-1', 4);
    expect(emits.filter((e) => e.event === 'room.read').map((e) => e.payload)).toEqual([
      { roomId: 'room-1', seq: 3 },
      { roomId: 'room-1', seq: 4 },
    ]);
  });
});
