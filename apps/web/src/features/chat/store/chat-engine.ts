import type { ChatMessage, ChatMessageQuote, ChatServerEvents } from '@orgo/contracts';
import type { NamespaceSocket } from '@/lib/socket';
import type { MessagePageQuery } from '../api/get-messages';
import type { Outbox, OutboxEntry } from './outbox';
import { createRoomTimeline, type MessagePage, type RoomTimeline } from './room-timeline';

export const ACK_TIMEOUT_MS = 10_000;

/**
 * A send the server asked to retry later (429 or 503 with `retryAfterSec`) goes again by itself
 * after that wait, up to this many times (a wait capped at 30 s); only then it shows as failed.
 */
export const AUTO_RETRY_MAX = 3;
const AUTO_RETRY_CAP_SEC = 30;
/** A typing notice lapses on its own if its `typing.stopped` never comes. */
export const TYPING_LAPSE_MS = 8_000;

type ChatSocket = NamespaceSocket<'/chat'>;

/** One shared empty list: snapshots must be stable for useSyncExternalStore. */
const NOBODY: readonly string[] = [];

export interface ChatEngineOptions {
  socket: ChatSocket;
  meId: string;
  outbox: Outbox;
  fetchPage: (roomId: string, query: MessagePageQuery) => Promise<MessagePage>;
  /** Something that the room list shows changed (new message, read, membership). */
  onRoomsChanged: () => void;
  /** One room's detail changed: renamed, new owner, members joined or left, or I was removed. */
  onRoomChanged?: (roomId: string) => void;
  newId?: () => string;
}

export interface SendExtras {
  imageId?: string;
  /** The message answered; its quote is kept with the unsent message. */
  replyTo?: ChatMessageQuote;
}

export interface ChatEngine {
  timeline(roomId: string): RoomTimeline;
  outbox: Outbox;
  /** Text, an uploaded image (`imageId`), or both; `replyTo` quotes an earlier message. */
  send(roomId: string, text: string, extras?: SendExtras): void;
  retry(clientMessageId: string): void;
  discard(clientMessageId: string): void;
  markRead(roomId: string, seq: number): void;
  setTyping(roomId: string, isTyping: boolean): void;
  typingIn(roomId: string): readonly string[];
  /** The socket was connected and dropped, and is not back yet. */
  isOffline(): boolean;
  /** I was removed from the room (or left it) while this engine ran. */
  wasRemoved(roomId: string): boolean;
  /** Typing and connection changes. */
  subscribe(listener: () => void): () => void;
  /** Attaches the socket listeners; returns the detach function. */
  start(): () => void;
}

/**
 * The chat client for one signed-in user: routes `/chat` events to per-room timelines, sends
 * through the outbox, and catches every open room up after each (re)join.
 */
export function createChatEngine(options: ChatEngineOptions): ChatEngine {
  const { socket, meId, outbox, fetchPage, onRoomsChanged } = options;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const timelines = new Map<string, RoomTimeline>();
  const inflight = new Set<string>();
  const readSent = new Map<string, number>();
  const autoRetries = new Map<string, { count: number; timer?: ReturnType<typeof setTimeout> }>();
  const typing = new Map<string, Map<string, ReturnType<typeof setTimeout>>>();
  const typingSnapshots = new Map<string, readonly string[]>();
  const listeners = new Set<() => void>();
  const removed = new Set<string>();
  let hasDropped = false;
  const notify = () => listeners.forEach((listener) => listener());

  const setTypist = (roomId: string, userId: string, isTyping: boolean) => {
    const room = typing.get(roomId) ?? new Map<string, ReturnType<typeof setTimeout>>();
    typing.set(roomId, room);
    clearTimeout(room.get(userId));
    if (!isTyping && !room.has(userId)) return;
    if (isTyping) {
      room.set(
        userId,
        setTimeout(() => setTypist(roomId, userId, false), TYPING_LAPSE_MS),
      );
    } else {
      room.delete(userId);
    }
    typingSnapshots.set(roomId, [...room.keys()]);
    notify();
  };

  const dispatch = (entry: OutboxEntry) => {
    if (!socket.connected || inflight.has(entry.clientMessageId)) return;
    inflight.add(entry.clientMessageId);
    const payload = {
      roomId: entry.roomId,
      clientMessageId: entry.clientMessageId,
      ...(entry.text ? { text: entry.text } : {}),
      ...(entry.imageId ? { imageId: entry.imageId } : {}),
      ...(entry.replyToId ? { replyToId: entry.replyToId } : {}),
    };
    socket.timeout(ACK_TIMEOUT_MS).emit('message.send', payload, (error, res) => {
      inflight.delete(entry.clientMessageId);
      if (error) {
        // Cut off mid-send: it stays pending and goes again after the reconnect.
        if (!socket.connected) return;
        outbox.setStatus(entry.clientMessageId, 'failed');
      } else if (res.ok) {
        autoRetries.delete(entry.clientMessageId);
        outbox.remove(entry.clientMessageId);
        timelines.get(res.data.roomId)?.receive(res.data);
      } else if (!retryLater(entry.clientMessageId, res.error.retryAfterSec)) {
        autoRetries.delete(entry.clientMessageId);
        outbox.setStatus(entry.clientMessageId, 'failed', res.error.code);
      }
    });
  };

  /** Schedules the send again when the server said when; false when it is up to the person. */
  const retryLater = (clientMessageId: string, afterSec: number | undefined): boolean => {
    const held = autoRetries.get(clientMessageId) ?? { count: 0 };
    if (!afterSec || held.count >= AUTO_RETRY_MAX) return false;
    held.count += 1;
    // A reconnect may have sent it meanwhile and been refused again: one timer per message.
    clearTimeout(held.timer);
    held.timer = setTimeout(
      () => {
        const entry = outbox.entries().find((e) => e.clientMessageId === clientMessageId);
        if (entry?.status === 'pending') dispatch(entry);
      },
      Math.min(afterSec, AUTO_RETRY_CAP_SEC) * 1000,
    );
    autoRetries.set(clientMessageId, held);
    return true;
  };

  const flush = () => {
    outbox
      .entries()
      .filter((e) => e.status === 'pending')
      .forEach(dispatch);
  };

  const onCreated = (message: ChatMessage) => {
    if (message.sender.id === meId) outbox.remove(message.clientMessageId);
    else setTypist(message.roomId, message.sender.id, false);
    timelines.get(message.roomId)?.receive(message);
    onRoomsChanged();
  };

  const onJoined = () => {
    hasDropped = false;
    timelines.forEach((timeline) => void timeline.catchUp());
    flush();
    onRoomsChanged();
    notify();
  };

  return {
    outbox,
    timeline(roomId) {
      let timeline = timelines.get(roomId);
      if (!timeline) {
        timeline = createRoomTimeline(roomId, (query) => fetchPage(roomId, query));
        timelines.set(roomId, timeline);
        // Idempotent: covers a room created after this socket's last `rooms.joined`.
        if (socket.connected) socket.emit('room.join', { roomId }, () => undefined);
      }
      return timeline;
    },
    send(roomId, text, { imageId, replyTo } = {}) {
      const entry: OutboxEntry = {
        clientMessageId: newId(),
        roomId,
        text,
        ...(imageId ? { imageId } : {}),
        ...(replyTo ? { replyToId: replyTo.id, replyTo: quoteOf(replyTo) } : {}),
        createdAt: new Date().toISOString(),
        status: 'pending',
      };
      outbox.add(entry);
      dispatch(entry);
    },
    retry(clientMessageId) {
      clearTimeout(autoRetries.get(clientMessageId)?.timer);
      autoRetries.delete(clientMessageId);
      outbox.setStatus(clientMessageId, 'pending');
      const entry = outbox.entries().find((e) => e.clientMessageId === clientMessageId);
      if (entry) dispatch(entry);
    },
    discard(clientMessageId) {
      clearTimeout(autoRetries.get(clientMessageId)?.timer);
      autoRetries.delete(clientMessageId);
      outbox.remove(clientMessageId);
    },
    markRead(roomId, seq) {
      if (!socket.connected || seq <= (readSent.get(roomId) ?? 0)) return;
      readSent.set(roomId, seq);
      socket.emit('room.read', { roomId, seq }, (res) => {
        if (!res.ok) readSent.delete(roomId);
        onRoomsChanged();
      });
    },
    setTyping(roomId, isTyping) {
      if (!socket.connected) return;
      socket.emit(isTyping ? 'typing.start' : 'typing.stop', { roomId }, () => undefined);
    },
    typingIn: (roomId) => typingSnapshots.get(roomId) ?? NOBODY,
    isOffline: () => hasDropped && !socket.connected,
    wasRemoved: (roomId) => removed.has(roomId),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      const onDisconnect = () => {
        hasDropped = true;
        readSent.clear();
        notify();
      };
      const onUpdated: ChatServerEvents['message.updated'] = (e) =>
        timelines.get(e.roomId)?.applyEdit(e);
      const onDeleted: ChatServerEvents['message.deleted'] = (e) => {
        timelines.get(e.roomId)?.applyDelete(e);
        onRoomsChanged();
      };
      const onReactionAdded: ChatServerEvents['reaction.added'] = (e) =>
        timelines.get(e.roomId)?.applyReaction(e, true);
      const onReactionRemoved: ChatServerEvents['reaction.removed'] = (e) =>
        timelines.get(e.roomId)?.applyReaction(e, false);
      const onRead: ChatServerEvents['room.read'] = (e) => {
        timelines.get(e.roomId)?.applyRead(e);
        if (e.userId === meId) onRoomsChanged();
      };
      const onRoomChanged = ({ roomId }: { roomId: string }) => {
        options.onRoomChanged?.(roomId);
        onRoomsChanged();
      };
      const onRoomRemoved = ({ roomId }: { roomId: string }) => {
        removed.add(roomId);
        notify();
        onRoomChanged({ roomId });
      };
      const onTypingStarted: ChatServerEvents['typing.started'] = (e) => {
        if (e.userId !== meId) setTypist(e.roomId, e.userId, true);
      };
      const onTypingStopped: ChatServerEvents['typing.stopped'] = (e) =>
        setTypist(e.roomId, e.userId, false);

      socket.on('connect', onJoined);
      socket.on('disconnect', onDisconnect);
      socket.on('rooms.joined', onJoined);
      socket.on('message.created', onCreated);
      socket.on('message.updated', onUpdated);
      socket.on('message.deleted', onDeleted);
      socket.on('reaction.added', onReactionAdded);
      socket.on('reaction.removed', onReactionRemoved);
      socket.on('room.read', onRead);
      socket.on('room.removed', onRoomRemoved);
      socket.on('room.updated', onRoomChanged);
      socket.on('member.joined', onRoomChanged);
      socket.on('member.left', onRoomChanged);
      socket.on('typing.started', onTypingStarted);
      socket.on('typing.stopped', onTypingStopped);
      if (socket.connected) onJoined();
      return () => {
        socket.off('connect', onJoined);
        socket.off('disconnect', onDisconnect);
        socket.off('rooms.joined', onJoined);
        socket.off('message.created', onCreated);
        socket.off('message.updated', onUpdated);
        socket.off('message.deleted', onDeleted);
        socket.off('reaction.added', onReactionAdded);
        socket.off('reaction.removed', onReactionRemoved);
        socket.off('room.read', onRead);
        socket.off('room.removed', onRoomRemoved);
        socket.off('room.updated', onRoomChanged);
        socket.off('member.joined', onRoomChanged);
        socket.off('member.left', onRoomChanged);
        socket.off('typing.started', onTypingStarted);
        socket.off('typing.stopped', onTypingStopped);
        typing.forEach((room) => room.forEach((timer) => clearTimeout(timer)));
        autoRetries.forEach(({ timer }) => clearTimeout(timer));
        autoRetries.clear();
      };
    },
  };
}

/** Only the fields a quote shows: a whole message would carry reactions and image URLs along. */
function quoteOf({ id, seq, sender, text, deletedAt }: ChatMessageQuote): ChatMessageQuote {
  return { id, seq, sender, text, deletedAt };
}
