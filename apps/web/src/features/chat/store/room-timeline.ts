import type {
  ChatMessage,
  ChatMessageDeleted,
  ChatMessageEdited,
  ChatReactionChange,
  ChatReadState,
} from '@orgo/contracts';
import type { MessagePageQuery } from '../api/get-messages';

export interface MessagePage {
  items: ChatMessage[];
  lastSeq: number;
  hasMoreBefore: boolean;
  hasMoreAfter: boolean;
  reads: ChatReadState[];
}

export type FetchPage = (query: MessagePageQuery) => Promise<MessagePage>;

export interface TimelineState {
  status: 'error' | 'loading' | 'ready';
  /** Ascending by seq, one entry per id. */
  messages: readonly ChatMessage[];
  hasMoreBefore: boolean;
  isLoadingOlder: boolean;
  /** userId → that member's last-read seq, from pages and `room.read` events. */
  reads: Readonly<Record<string, number>>;
}

export interface RoomTimeline {
  getState(): TimelineState;
  subscribe(listener: () => void): () => void;
  /** Loads the newest page once; later calls return the same promise. */
  load(): Promise<void>;
  loadOlder(): Promise<void>;
  /** Fetches `after_seq` from the last seq held without a hole, until the room's end. */
  catchUp(): Promise<void>;
  receive(message: ChatMessage): void;
  applyEdit(edit: ChatMessageEdited): void;
  applyDelete(deleted: ChatMessageDeleted): void;
  applyReaction(change: ChatReactionChange, isAdded: boolean): void;
  applyRead(read: ChatReadState): void;
}

/**
 * One room's messages, merged from REST pages and socket events: deduplicated by id, ordered by
 * seq. `syncedSeq` is the highest seq up to which nothing is missing; a message above
 * `syncedSeq + 1` means a gap, which `catchUp` fills from the server (delivery is at-least-once,
 * seqs are gap-free per room).
 */
export function createRoomTimeline(roomId: string, fetchPage: FetchPage): RoomTimeline {
  const byId = new Map<string, ChatMessage>();
  const seqs = new Set<number>();
  let syncedSeq: number | null = null;
  let state: TimelineState = {
    status: 'loading',
    messages: [],
    hasMoreBefore: false,
    isLoadingOlder: false,
    reads: {},
  };
  const listeners = new Set<() => void>();
  let loading: Promise<void> | null = null;
  let catchingUp: Promise<void> | null = null;
  let isCatchUpRequested = false;

  const publish = (patch: Partial<TimelineState> = {}) => {
    const messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
    state = { ...state, ...patch, messages };
    listeners.forEach((listener) => listener());
  };

  const put = (message: ChatMessage, isAuthoritative: boolean) => {
    if (message.roomId !== roomId) return;
    const held = byId.get(message.id);
    // A replayed `message.created` must not undo an edit or delete already applied.
    if (held && !isAuthoritative) return;
    byId.set(message.id, message);
    seqs.add(message.seq);
  };

  const advance = () => {
    if (syncedSeq === null) return;
    while (seqs.has(syncedSeq + 1)) syncedSeq += 1;
  };

  const hasGap = () => syncedSeq !== null && Math.max(0, ...seqs) > syncedSeq;

  const mergeReads = (reads: ChatReadState[]) => {
    const next = { ...state.reads };
    for (const read of reads)
      next[read.userId] = Math.max(next[read.userId] ?? 0, read.lastReadSeq);
    return next;
  };

  const runCatchUp = async () => {
    for (;;) {
      isCatchUpRequested = false;
      const from = syncedSeq ?? 0;
      const page = await fetchPage({ afterSeq: from });
      page.items.forEach((m) => put(m, true));
      advance();
      publish({ reads: mergeReads(page.reads) });
      const hasProgressed = (syncedSeq ?? 0) > from;
      const hasMore = page.hasMoreAfter || isCatchUpRequested || hasGap();
      // Without progress, only a newer request (a message that arrived meanwhile) is worth a loop.
      if (!hasMore || (!hasProgressed && !isCatchUpRequested)) return;
    }
  };

  const catchUp = (): Promise<void> => {
    if (syncedSeq === null) return load();
    if (catchingUp) {
      isCatchUpRequested = true;
      return catchingUp;
    }
    catchingUp = runCatchUp()
      .catch(() => {
        // Offline or a server fault: the next reconnect or gap asks again.
      })
      .finally(() => {
        catchingUp = null;
      });
    return catchingUp;
  };

  const load = (): Promise<void> => {
    loading ??= fetchPage({ newest: true }).then(
      (page) => {
        page.items.forEach((m) => put(m, true));
        syncedSeq = page.items.at(-1)?.seq ?? page.lastSeq;
        advance();
        publish({
          status: 'ready',
          hasMoreBefore: page.hasMoreBefore,
          reads: mergeReads(page.reads),
        });
        if (page.hasMoreAfter || hasGap()) void catchUp();
      },
      () => {
        loading = null;
        publish({ status: 'error' });
      },
    );
    return loading;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load,
    catchUp,
    async loadOlder() {
      const first = state.messages[0];
      if (!first || !state.hasMoreBefore || state.isLoadingOlder) return;
      publish({ isLoadingOlder: true });
      try {
        const page = await fetchPage({ beforeSeq: first.seq });
        page.items.forEach((m) => put(m, true));
        publish({ hasMoreBefore: page.hasMoreBefore, isLoadingOlder: false });
      } catch {
        publish({ isLoadingOlder: false });
      }
    },
    receive(message) {
      if (message.roomId !== roomId) return;
      put(message, false);
      advance();
      publish();
      if (hasGap()) void catchUp();
    },
    applyEdit(edit) {
      const held = byId.get(edit.id);
      if (!held) return;
      byId.set(edit.id, { ...held, text: edit.text, editedAt: edit.editedAt });
      publish();
    },
    applyDelete(deleted) {
      const held = byId.get(deleted.id);
      if (!held) return;
      byId.set(deleted.id, { ...held, text: null, reactions: [], deletedAt: deleted.deletedAt });
      publish();
    },
    applyReaction(change, isAdded) {
      const held = byId.get(change.messageId);
      if (!held) return;
      const others = held.reactions.filter((r) => r.emoji !== change.emoji);
      const current = held.reactions.find((r) => r.emoji === change.emoji)?.userIds ?? [];
      const userIds = isAdded
        ? [...new Set([...current, change.userId])]
        : current.filter((id) => id !== change.userId);
      const reactions = userIds.length ? [...others, { emoji: change.emoji, userIds }] : others;
      byId.set(held.id, { ...held, reactions });
      publish();
    },
    applyRead(read) {
      if (read.roomId !== roomId) return;
      publish({ reads: mergeReads([read]) });
    },
  };
}
