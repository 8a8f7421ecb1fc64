import type { Ack, ChatMessage } from '@orgo/contracts';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { ApiClient, nextEvent } from './client';
import { withDb } from './db';

export function send(
  socket: Socket,
  payload: Record<string, unknown>,
  timeoutMs = 5000,
): Promise<Ack<ChatMessage>> {
  return socket.timeout(timeoutMs).emitWithAck('message.send', payload);
}

export function sendText(socket: Socket, roomId: string, text: string, timeoutMs = 5000) {
  return send(socket, { roomId, clientMessageId: randomUUID(), text }, timeoutMs);
}

/**
 * Typing events are volatile (the first thing dropped when a connection is busy), so clients
 * repeat them while the user types; so does this, until the other side hears one.
 */
export async function typingHeard(
  from: Socket,
  to: Socket,
  roomId: string,
  event: 'typing.start' | 'typing.stop',
): Promise<unknown> {
  const heardAs = event === 'typing.start' ? 'typing.started' : 'typing.stopped';
  for (let attempt = 0; attempt < 10; attempt++) {
    const heard = nextEvent(to, heardAs, 500).catch(() => null);
    const ack = await from.timeout(5000).emitWithAck(event, { roomId });
    if (!ack.ok) throw new Error(`${event} refused: ${JSON.stringify(ack.error)}`);
    const payload = await heard;
    if (payload) return payload;
  }
  throw new Error(`${heardAs} never arrived`);
}

/** Records every payload of these events, for "received" and "never received" assertions. */
export function record<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function committedMessages(roomId: string): Promise<{ id: string; seq: number }[]> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ id: string; seq: string }>(
      'SELECT id, seq FROM chat_message WHERE room_id = $1 ORDER BY seq',
      [roomId],
    );
    return rows.map((r) => ({ id: r.id, seq: Number(r.seq) }));
  });
}

/**
 * What a well-behaved client keeps for one room: messages by id (duplicates dropped), a
 * contiguous prefix by seq, and a catch-up fetch (`after_seq`) on reconnect or on a seq gap.
 */
export class RoomReplica {
  readonly byId = new Map<string, ChatMessage>();
  readonly bySeq = new Map<number, ChatMessage>();
  duplicates = 0;
  gapFetches = 0;
  reconnectFetches = 0;
  private queue: Promise<void> = Promise.resolve();
  private gapQueued = false;

  constructor(
    readonly roomId: string,
    public api: ApiClient,
  ) {}

  /** The highest seq up to which nothing is missing. */
  get contiguous(): number {
    let n = 0;
    while (this.bySeq.has(n + 1)) n++;
    return n;
  }

  get maxSeq(): number {
    return Math.max(0, ...this.bySeq.keys());
  }

  attach(socket: Socket): void {
    socket.on('message.created', (m: ChatMessage) => {
      if (m.roomId !== this.roomId) return;
      this.add(m);
      if (m.seq > this.contiguous + 1) void this.catchUp('gap');
    });
  }

  add(m: ChatMessage): void {
    if (this.byId.has(m.id)) {
      this.duplicates++;
      return;
    }
    const other = this.bySeq.get(m.seq);
    if (other) throw new Error(`two messages with seq ${m.seq}: ${other.id} and ${m.id}`);
    this.byId.set(m.id, m);
    this.bySeq.set(m.seq, m);
  }

  /**
   * `after_seq` fetches (pages of up to 200, repeated only while the server says there is more),
   * one at a time. A reconnect always fetches; gap fetches coalesce, and one that fails (its
   * instance died) is left to the reconnect that follows.
   */
  catchUp(reason: 'gap' | 'reconnect'): Promise<void> {
    if (reason === 'gap') {
      if (this.gapQueued) return this.queue;
      this.gapQueued = true;
    }
    const run = async () => {
      if (reason === 'gap') this.gapQueued = false;
      let more = true;
      while (more) {
        if (reason === 'gap') this.gapFetches++;
        else this.reconnectFetches++;
        const res = await this.api.get(
          `/api/chat/rooms/${this.roomId}/messages?after_seq=${this.contiguous}&limit=200`,
        );
        if (res.status !== 200)
          throw new Error(`catch-up: ${res.status} ${JSON.stringify(res.body)}`);
        for (const m of res.body.items as ChatMessage[]) this.add(m);
        more = res.body.hasMoreAfter as boolean;
      }
      // A gap seen while this fetch was running is filled by the next one.
      if (this.maxSeq > this.contiguous) void this.catchUp('gap');
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return reason === 'reconnect' ? next : this.queue;
  }

  /** Ids in seq order. */
  ids(): string[] {
    return [...this.bySeq.keys()].sort((x, y) => x - y).map((s) => this.bySeq.get(s)!.id);
  }
}
