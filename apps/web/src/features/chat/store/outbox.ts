import type { ChatMessageQuote } from '@orgo/contracts';
import type { AuthSessionStore } from '@/lib/auth-session';

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
  /** Why the server refused it (failed only); absent after a timeout or a lost connection. */
  errorCode?: string;
}

export interface Outbox {
  entries(): readonly OutboxEntry[];
  add(entry: OutboxEntry): void;
  /** `errorCode`: the server's reason for a refusal; cleared by any other change. */
  setStatus(clientMessageId: string, status: OutboxStatus, errorCode?: string): void;
  remove(clientMessageId: string): void;
  subscribe(listener: () => void): () => void;
}

type OutboxStorage = Pick<Storage, 'getItem' | 'setItem'>;

const OUTBOX_KEY_PREFIX = 'orgo.chat.outbox.';

/** The browser's localStorage, or null where it is blocked. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The storage key of one user's outbox. */
export const outboxKeyOf = (userId: string) => `${OUTBOX_KEY_PREFIX}${userId}`;

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
    (e.errorCode === undefined || typeof e.errorCode === 'string') &&
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
 * clientMessageId and the server answers with the original instead of a copy. `isOwnerSignedIn`
 * stops writes once its user has left (an ack arriving after sign-out must not put it back).
 */
export function createOutbox(
  storage: OutboxStorage | null,
  key: string,
  isOwnerSignedIn: () => boolean = () => true,
): Outbox {
  let entries: readonly OutboxEntry[] = read(storage, key);
  const listeners = new Set<() => void>();

  const set = (next: readonly OutboxEntry[]) => {
    entries = next;
    try {
      if (isOwnerSignedIn()) storage?.setItem(key, JSON.stringify(next));
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
    setStatus(clientMessageId, status, errorCode) {
      const held = entries.find((e) => e.clientMessageId === clientMessageId);
      if (!held || (held.status === status && held.errorCode === errorCode)) return;
      set(
        entries.map((e) => {
          if (e !== held) return e;
          const { errorCode: _previous, ...rest } = e;
          return errorCode ? { ...rest, status, errorCode } : { ...rest, status };
        }),
      );
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

/**
 * Unsent messages belong to the signed-in user only: removes every stored outbox except
 * `keepUserId`'s (all of them when nobody is signed in), so a shared browser keeps no one's
 * unsent text after they leave and never shows or sends it to the next user.
 */
export function clearOutboxes(
  storage: Pick<Storage, 'key' | 'length' | 'removeItem'> | null,
  keepUserId: string | null,
): void {
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(OUTBOX_KEY_PREFIX) && key !== (keepUserId && outboxKeyOf(keepUserId)))
        keys.push(key);
    }
    keys.forEach((key) => storage.removeItem(key));
  } catch {
    // Storage blocked: nothing was kept there either.
  }
}

/**
 * Keeps stored unsent messages to the signed-in user: when a user signs out (or is signed out:
 * revoked, deleted, refresh refused) every outbox goes; when one signs in, everyone else's goes.
 * Returns the unsubscribe function.
 */
export function watchOutboxOwner(
  session: Pick<AuthSessionStore, 'subscribe'>,
  storage: Pick<Storage, 'key' | 'length' | 'removeItem'> | null,
): () => void {
  return session.subscribe((state, previous) => {
    if (state.status === 'authenticated') clearOutboxes(storage, state.user.id);
    else if (previous.status === 'authenticated') clearOutboxes(storage, null);
  });
}
