import type { ChatMessageQuote } from '@orgo/contracts';

export type OutboxStatus = 'failed' | 'pending';

/** A message written but not yet acknowledged; its clientMessageId makes resending safe. */
export interface OutboxEntry {
  clientMessageId: string;
  roomId: string;
  /** Empty for an image-only message. */
  text: string;
  /** An image already uploaded to the room (`POST …/images`), sent with the message. */
  imageId?: string;
  /** The message this one answers. */
  replyToId?: string;
  /** What the pending bubble quotes until the server's copy (with its own quote) arrives. */
  replyTo?: ChatMessageQuote;
  createdAt: string;
  status: OutboxStatus;
}

export interface Outbox {
  entries(): readonly OutboxEntry[];
  add(entry: OutboxEntry): void;
  setStatus(clientMessageId: string, status: OutboxStatus): void;
  remove(clientMessageId: string): void;
  subscribe(listener: () => void): () => void;
}

type OutboxStorage = Pick<Storage, 'getItem' | 'setItem'>;

const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';

function isQuote(value: unknown): value is ChatMessageQuote {
  if (typeof value !== 'object' || value === null) return false;
  const q = value as Record<string, unknown>;
  const sender = q.sender as Record<string, unknown> | null | undefined;
  return (
    typeof q.id === 'string' &&
    typeof q.seq === 'number' &&
    typeof sender?.id === 'string' &&
    typeof sender.nickname === 'string' &&
    isStringOrNull(sender.avatarUrl) &&
    isStringOrNull(q.text) &&
    isStringOrNull(q.deletedAt)
  );
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.clientMessageId === 'string' &&
    typeof e.roomId === 'string' &&
    typeof e.text === 'string' &&
    (e.imageId === undefined || typeof e.imageId === 'string') &&
    (e.replyToId === undefined || typeof e.replyToId === 'string') &&
    (e.replyTo === undefined || isQuote(e.replyTo)) &&
    typeof e.createdAt === 'string' &&
    (e.status === 'pending' || e.status === 'failed')
  );
}

function read(storage: OutboxStorage | null, key: string): OutboxEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/**
 * Unsent messages kept in storage (one key per user), so a reload resends them with the same
 * clientMessageId and the server answers with the original instead of a copy.
 */
export function createOutbox(storage: OutboxStorage | null, key: string): Outbox {
  let entries: readonly OutboxEntry[] = read(storage, key);
  const listeners = new Set<() => void>();

  const set = (next: readonly OutboxEntry[]) => {
    entries = next;
    try {
      storage?.setItem(key, JSON.stringify(next));
    } catch {
      // Storage full or blocked: the outbox still works for this page's lifetime.
    }
    listeners.forEach((listener) => listener());
  };

  return {
    entries: () => entries,
    add(entry) {
      if (entries.some((e) => e.clientMessageId === entry.clientMessageId)) return;
      set([...entries, entry]);
    },
    setStatus(clientMessageId, status) {
      const held = entries.find((e) => e.clientMessageId === clientMessageId);
      if (!held || held.status === status) return;
      set(entries.map((e) => (e === held ? { ...e, status } : e)));
    },
    remove(clientMessageId) {
      if (!entries.some((e) => e.clientMessageId === clientMessageId)) return;
      set(entries.filter((e) => e.clientMessageId !== clientMessageId));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
