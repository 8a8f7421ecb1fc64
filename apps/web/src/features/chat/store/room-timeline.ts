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
  /** The window shown: ascending by seq, one entry per id, no holes. */
  messages: readonly ChatMessage[];
  hasMoreBefore: boolean;
  /** The window stops short of the room's newest message (after a jump); `loadNewer` pages on. */
  hasMoreAfter: boolean;
  isLoadingOlder: boolean;
  isLoadingNewer: boolean;
  /** userId → that member's last-read seq, from pages and `room.read` events. */
  reads: Readonly<Record<string, number>>;
  /**
   * The last contiguous seq: every message up to it is held (0 before the first page). Catch-up
   * and read marks start here, never past a hole: across instances seq n+1 can arrive before n.
   */
  lastContiguousSeq: number;
}

export interface RoomTimeline {
  getState(): TimelineState;
  subscribe(listener: () => void): () => void;
  /** Loads the newest page once; later calls return the same promise. */
  load(): Promise<void>;
  loadOlder(): Promise<void>;
  /** After a jump: the page after the window, until it reaches the room's end and goes live. */
  loadNewer(): Promise<void>;
  /**
   * Fetches `after_seq` from the last contiguous seq (the end of the window, not the highest seq
   * received), until the room's end (live window only).
   */
  catchUp(): Promise<void>;
  /**
   * Shows the first message with seq ≥ `seq`, loading a page around it when it is not held.
   * Resolves to the seq shown, or null when there is none; rejects when the page fails.
   */
  jumpToSeq(seq: number): Promise<number | null>;
  /** Shows the first message sent at or after `isoDate`; null (nothing changes) when none was. */
  jumpToDate(isoDate: string): Promise<number | null>;
  /** Back to the newest page after a jump. */
  jumpToLatest(): Promise<void>;
  receive(message: ChatMessage): void;
  applyEdit(edit: ChatMessageEdited): void;
  applyDelete(deleted: ChatMessageDeleted): void;
  applyReaction(change: ChatReactionChange, isAdded: boolean): void;
  applyRead(read: ChatReadState): void;
}

/**
 * One room's messages, merged from REST pages and socket events: deduplicated by id, ordered by
 * seq. Seqs are gap-free per room, starting at 1, so the window shown is a seq range
 * [from, to] with every message in it held. A live window ends at the room's newest message: a
 * message above `to + 1` means a gap, which `catchUp` fills (delivery is at-least-once). After a
 * jump the window may be detached (it ends before the newest message): live messages are then
 * held but not shown, and `loadNewer` pages forward until the window reaches the end and is live
 * again. Messages outside the window stay held, so paging into them costs no request.
 */
export function createRoomTimeline(roomId: string, fetchPage: FetchPage): RoomTimeline {
  const byId = new Map<string, ChatMessage>();
  const seqs = new Set<number>();
  let maxSeq = 0;
  /** Null until the first page: before it, whatever arrived is shown. */
  let from: number | null = null;
  let to: number | null = null;
  let isDetached = false;
  let state: TimelineState = {
    status: 'loading',
    messages: [],
    hasMoreBefore: false,
    hasMoreAfter: false,
    isLoadingOlder: false,
    isLoadingNewer: false,
    reads: {},
    lastContiguousSeq: 0,
  };
  const listeners = new Set<() => void>();
  let loading: Promise<void> | null = null;
  let catchingUp: Promise<void> | null = null;
  let isCatchUpRequested = false;

  const isShown = (seq: number) =>
    from === null || to === null || (seq >= from && (seq <= to || !isDetached));

  const publish = (patch: Partial<TimelineState> = {}) => {
    const messages = [...byId.values()].filter((m) => isShown(m.seq)).sort((a, b) => a.seq - b.seq);
    state = {
      ...state,
      ...patch,
      messages,
      hasMoreBefore: from !== null && from > 1,
      hasMoreAfter: isDetached,
      lastContiguousSeq: to ?? 0,
    };
    listeners.forEach((listener) => listener());
  };

  const put = (message: ChatMessage, isAuthoritative: boolean) => {
    if (message.roomId !== roomId) return;
    const held = byId.get(message.id);
    // A replayed `message.created` must not undo an edit or delete already applied.
    if (held && !isAuthoritative) return;
    byId.set(message.id, message);
    seqs.add(message.seq);
    maxSeq = Math.max(maxSeq, message.seq);
  };

  /** Grows the window over held neighbours, then goes live once it reaches `lastSeq`. */
  const extend = (lastSeq = 0) => {
    if (from === null || to === null) return;
    while (seqs.has(from - 1)) from -= 1;
    while (seqs.has(to + 1)) to += 1;
    if (isDetached && to >= lastSeq && lastSeq > 0) isDetached = false;
  };

  const hasGap = () => !isDetached && to !== null && maxSeq > to;

  const mergeReads = (reads: ChatReadState[]) => {
    const next = { ...state.reads };
    for (const read of reads)
      next[read.userId] = Math.max(next[read.userId] ?? 0, read.lastReadSeq);
    return next;
  };

  /** Replaces the window with a page's range (a jump that does not touch the window). */
  const showPage = (page: MessagePage) => {
    page.items.forEach((m) => put(m, true));
    from = page.items[0]?.seq ?? page.lastSeq + 1;
    to = page.items.at(-1)?.seq ?? page.lastSeq;
    isDetached = to < page.lastSeq;
    extend(page.lastSeq);
  };

  const runCatchUp = async () => {
    for (;;) {
      isCatchUpRequested = false;
      if (isDetached) return;
      // The last contiguous seq: a message received past a hole does not move it.
      const start = to ?? 0;
      const page = await fetchPage({ afterSeq: start });
      page.items.forEach((m) => put(m, true));
      extend(page.lastSeq);
      publish({ reads: mergeReads(page.reads) });
      const hasProgressed = (to ?? 0) > start;
      const hasMore = page.hasMoreAfter || isCatchUpRequested || hasGap();
      // Without progress, only a newer request (a message that arrived meanwhile) is worth a loop.
      if (!hasMore || (!hasProgressed && !isCatchUpRequested)) return;
    }
  };

  const catchUp = (): Promise<void> => {
    if (to === null) return load();
    // A detached window catches up by paging forward; the live end is checked when it joins.
    if (isDetached) return Promise.resolve();
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

  const fillGap = () => {
    if (hasGap()) void catchUp();
  };

  const load = (): Promise<void> => {
    loading ??= fetchPage({ newest: true }).then(
      (page) => {
        showPage(page);
        publish({ status: 'ready', reads: mergeReads(page.reads) });
        if (page.hasMoreAfter) void catchUp();
        else fillGap();
      },
      () => {
        loading = null;
        publish({ status: 'error' });
      },
    );
    return loading;
  };

  /** Shows a page centred on a target: merged into the window when they touch, else instead of it. */
  const jump = async (query: MessagePageQuery, isTarget: (m: ChatMessage) => boolean) => {
    const page = await fetchPage(query);
    const target = page.items.find(isTarget);
    if (!target) return null;
    const first = page.items[0]!.seq;
    const last = page.items.at(-1)!.seq;
    if (from !== null && to !== null && first <= to + 1 && last >= from - 1) {
      page.items.forEach((m) => put(m, true));
      extend(page.lastSeq);
    } else {
      showPage(page);
    }
    publish({ status: 'ready', reads: mergeReads(page.reads) });
    fillGap();
    return target.seq;
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
      if (from === null || from <= 1 || state.isLoadingOlder) return;
      publish({ isLoadingOlder: true });
      try {
        const page = await fetchPage({ beforeSeq: from });
        page.items.forEach((m) => put(m, true));
        extend(page.lastSeq);
        publish({ isLoadingOlder: false });
      } catch {
        publish({ isLoadingOlder: false });
      }
    },
    async loadNewer() {
      if (to === null || !isDetached || state.isLoadingNewer) return;
      publish({ isLoadingNewer: true });
      try {
        const page = await fetchPage({ afterSeq: to });
        page.items.forEach((m) => put(m, true));
        extend(page.lastSeq);
        publish({ isLoadingNewer: false, reads: mergeReads(page.reads) });
        fillGap();
      } catch {
        publish({ isLoadingNewer: false });
      }
    },
    async jumpToSeq(seq) {
      if (from !== null && to !== null && seq >= from && seq <= to) return seq;
      return jump({ around: seq }, (m) => m.seq >= seq);
    },
    jumpToDate(isoDate) {
      const moment = Date.parse(isoDate);
      return jump({ aroundDate: isoDate }, (m) => Date.parse(m.createdAt) >= moment);
    },
    async jumpToLatest() {
      if (!isDetached) return;
      const page = await fetchPage({ newest: true });
      showPage(page);
      isDetached = false;
      publish({ reads: mergeReads(page.reads) });
      fillGap();
    },
    receive(message) {
      if (message.roomId !== roomId) return;
      put(message, false);
      extend();
      publish();
      fillGap();
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
