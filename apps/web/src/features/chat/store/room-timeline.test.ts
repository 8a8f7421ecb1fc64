import { describe, expect, it, vi } from 'vitest';
import { buildChatMessage } from '@/testing/factories';
import type { MessagePageQuery } from '../api/get-messages';
import { createRoomTimeline, type MessagePage } from './room-timeline';

/** A fake server holding a gap-free room: answers pages the way the API does. */
function fakeServer(count: number, pageSize = 50) {
  const all = Array.from({ length: count }, (_, i) => buildChatMessage({ seq: i + 1 }));
  const fetchPage = vi.fn(async (query: MessagePageQuery): Promise<MessagePage> => {
    const lastSeq = all.length;
    let items;
    if ('afterSeq' in query) items = all.filter((m) => m.seq > query.afterSeq).slice(0, pageSize);
    else if ('beforeSeq' in query)
      items = all.filter((m) => m.seq < query.beforeSeq).slice(-pageSize);
    else items = all.slice(-pageSize);
    const first = items[0]?.seq ?? lastSeq + 1;
    const last = items.at(-1)?.seq ?? lastSeq;
    return {
      items,
      lastSeq,
      hasMoreBefore: first > 1,
      hasMoreAfter: last < lastSeq,
      reads: [{ roomId: 'room-1', userId: '2', lastReadSeq: 1 }],
    };
  });
  const add = () => {
    const message = buildChatMessage({ seq: all.length + 1 });
    all.push(message);
    return message;
  };
  return { all, fetchPage, add };
}

const seqsOf = (messages: readonly { seq: number }[]) => messages.map((m) => m.seq);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('room timeline', () => {
  it('loads the newest page in seq order with the members’ read positions', async () => {
    const server = fakeServer(3);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    expect(timeline.getState()).toMatchObject({ status: 'ready', hasMoreBefore: false });
    expect(seqsOf(timeline.getState().messages)).toEqual([1, 2, 3]);
    expect(timeline.getState().reads).toEqual({ '2': 1 });
  });

  it('keeps one copy of a message delivered twice (socket replay and a page)', async () => {
    const server = fakeServer(2);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    const next = server.add();
    timeline.receive(next);
    timeline.receive({ ...next });
    await timeline.catchUp();
    expect(seqsOf(timeline.getState().messages)).toEqual([1, 2, 3]);
  });

  it('orders messages by seq whatever order they arrive in', async () => {
    const server = fakeServer(1);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    const [m2, m3] = [server.add(), server.add()];
    timeline.receive(m3);
    timeline.receive(m2);
    await settle();
    expect(seqsOf(timeline.getState().messages)).toEqual([1, 2, 3]);
  });

  it('fetches after_seq when a received seq skips, and ends with every message once', async () => {
    const server = fakeServer(2);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    server.add();
    server.add();
    const m5 = server.add();
    timeline.receive(m5);
    expect(seqsOf(timeline.getState().messages)).toEqual([1, 2, 5]);
    await settle();
    expect(server.fetchPage).toHaveBeenCalledWith({ afterSeq: 2 });
    expect(seqsOf(timeline.getState().messages)).toEqual([1, 2, 3, 4, 5]);
  });

  it('does not fetch when the next seq follows on', async () => {
    const server = fakeServer(2);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    timeline.receive(server.add());
    await settle();
    expect(server.fetchPage).toHaveBeenCalledTimes(1);
  });

  it('catches up over several pages after a long absence', async () => {
    const server = fakeServer(3, 50);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    for (let i = 0; i < 120; i += 1) server.add();
    await timeline.catchUp();
    const seqs = seqsOf(timeline.getState().messages);
    expect(seqs).toHaveLength(123);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(123);
    expect(server.fetchPage.mock.calls.map(([q]) => q)).toEqual([
      { newest: true },
      { afterSeq: 3 },
      { afterSeq: 53 },
      { afterSeq: 103 },
    ]);
  });

  it('holds events that arrive before the first page and fills the hole after it', async () => {
    const server = fakeServer(2);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    const m3 = server.add();
    const m4 = server.add();
    timeline.receive(m4);
    const loading = timeline.load();
    server.all.splice(2); // the first page was read before 3 and 4 existed
    await loading;
    server.all.push(m3, m4);
    await timeline.catchUp();
    expect(seqsOf(timeline.getState().messages)).toEqual([1, 2, 3, 4]);
  });

  it('does not let a replayed message.created undo a delete', async () => {
    const server = fakeServer(1);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    const [original] = server.all;
    timeline.applyDelete({ id: original!.id, roomId: 'room-1', seq: 1, deletedAt: 'later' });
    timeline.receive(original!);
    expect(timeline.getState().messages[0]).toMatchObject({ text: null, deletedAt: 'later' });
  });

  it('ignores messages of other rooms', async () => {
    const server = fakeServer(1);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    timeline.receive(buildChatMessage({ roomId: 'room-2', seq: 9, id: 'other' }));
    expect(seqsOf(timeline.getState().messages)).toEqual([1]);
    expect(server.fetchPage).toHaveBeenCalledTimes(1);
  });

  it('loads older pages before the first message held', async () => {
    const server = fakeServer(70);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    expect(timeline.getState().hasMoreBefore).toBe(true);
    await timeline.loadOlder();
    expect(server.fetchPage).toHaveBeenLastCalledWith({ beforeSeq: 21 });
    expect(seqsOf(timeline.getState().messages)).toEqual(server.all.map((m) => m.seq));
    expect(timeline.getState().hasMoreBefore).toBe(false);
  });

  it('reports an error when the first page fails and loads again on the next call', async () => {
    const server = fakeServer(1);
    server.fetchPage.mockRejectedValueOnce(new TypeError('offline'));
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    expect(timeline.getState().status).toBe('error');
    await timeline.load();
    expect(timeline.getState().status).toBe('ready');
  });
});
