import { describe, expect, it } from 'vitest';
import { buildChatMessage } from '@/testing/factories';
import { at, fakeMessageServer as fakeServer, HOUR } from '@/testing/fake-message-server';
import { createRoomTimeline } from './room-timeline';

const seqsOf = (messages: readonly { seq: number }[]) => messages.map((m) => m.seq);
const span = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i);
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

  it('catches up from the last contiguous seq, not the highest received: 5 and 7, then a reconnect', async () => {
    const server = fakeServer(4);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    const [m5, , m7] = [server.add(), server.add(), server.add()];
    timeline.receive(m5);
    // Seq 7 came through another instance before 6; the gap fetch fails as this one dies.
    server.fetchPage.mockRejectedValueOnce(new Error('instance gone'));
    timeline.receive(m7);
    await settle();
    expect(server.fetchPage).toHaveBeenLastCalledWith({ afterSeq: 5 });
    expect(timeline.getState().lastContiguousSeq).toBe(5);
    expect(seqsOf(timeline.getState().messages)).toEqual([1, 2, 3, 4, 5, 7]);

    // The reconnect's catch-up starts at 5, so 6 is not lost.
    server.fetchPage.mockClear();
    await timeline.catchUp();
    expect(server.fetchPage.mock.calls.map(([q]) => q)).toEqual([{ afterSeq: 5 }]);
    expect(seqsOf(timeline.getState().messages)).toEqual(span(1, 7));
    expect(timeline.getState().lastContiguousSeq).toBe(7);
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

  it('jumps to a seq beyond the newest page, then pages newer until it joins the live end', async () => {
    const server = fakeServer(200);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();

    expect(await timeline.jumpToSeq(60)).toBe(60);
    expect(seqsOf(timeline.getState().messages)).toEqual(span(35, 84));
    expect(timeline.getState()).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true });

    // A live message while detached: held, not shown after a hole, and no catch-up run.
    timeline.receive(server.add());
    await settle();
    expect(seqsOf(timeline.getState().messages)).toEqual(span(35, 84));

    while (timeline.getState().hasMoreAfter) await timeline.loadNewer();
    await settle();
    expect(seqsOf(timeline.getState().messages)).toEqual(span(35, 201));
    // 151–201 were held already: the pages stop where they join them.
    expect(server.fetchPage.mock.calls.map(([q]) => q)).toEqual([
      { newest: true },
      { around: 60 },
      { afterSeq: 84 },
      { afterSeq: 134 },
    ]);

    // Live again: the next message shows at once.
    timeline.receive(server.add());
    expect(seqsOf(timeline.getState().messages).at(-1)).toBe(202);

    await timeline.loadOlder();
    expect(server.fetchPage).toHaveBeenLastCalledWith({ beforeSeq: 35 });
    const seqs = seqsOf(timeline.getState().messages);
    expect(seqs).toEqual(span(1, 202));
    expect(timeline.getState().hasMoreBefore).toBe(false);
  });

  it('does not fetch to jump to a message the window holds', async () => {
    const server = fakeServer(80);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    expect(await timeline.jumpToSeq(40)).toBe(40);
    expect(server.fetchPage).toHaveBeenCalledTimes(1);
    expect(timeline.getState().hasMoreAfter).toBe(false);
  });

  it('merges a jumped-to page that touches the window instead of detaching', async () => {
    const server = fakeServer(80);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    expect(await timeline.jumpToSeq(20)).toBe(20);
    expect(seqsOf(timeline.getState().messages)).toEqual(span(1, 80));
    expect(timeline.getState()).toMatchObject({ hasMoreBefore: false, hasMoreAfter: false });
  });

  it('jumps to the first message at or after a date, and reports when there is none', async () => {
    const server = fakeServer(300);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();

    const moment = new Date(Date.parse(at(100)) - HOUR / 2).toISOString();
    expect(await timeline.jumpToDate(moment)).toBe(100);
    expect(server.fetchPage).toHaveBeenLastCalledWith({ aroundDate: moment });
    expect(seqsOf(timeline.getState().messages)).toEqual(span(75, 124));

    const later = new Date(Date.parse(at(300)) + HOUR).toISOString();
    expect(await timeline.jumpToDate(later)).toBeNull();
    expect(seqsOf(timeline.getState().messages)).toEqual(span(75, 124));
  });

  it('goes back to the newest page, and catches up only while live', async () => {
    const server = fakeServer(200);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    await timeline.jumpToSeq(10);
    server.add();
    await timeline.catchUp();
    expect(server.fetchPage).toHaveBeenCalledTimes(2);

    await timeline.jumpToLatest();
    // 151 was held from the first page: the window takes it in.
    expect(seqsOf(timeline.getState().messages)).toEqual(span(151, 201));
    expect(timeline.getState().hasMoreAfter).toBe(false);
    server.add();
    await timeline.catchUp();
    expect(server.fetchPage).toHaveBeenLastCalledWith({ afterSeq: 201 });
    expect(seqsOf(timeline.getState().messages).at(-1)).toBe(202);
  });

  it('rejects a jump whose page fails, keeping the window', async () => {
    const server = fakeServer(200);
    const timeline = createRoomTimeline('room-1', server.fetchPage);
    await timeline.load();
    server.fetchPage.mockRejectedValueOnce(new TypeError('offline'));
    await expect(timeline.jumpToSeq(10)).rejects.toThrow('offline');
    expect(seqsOf(timeline.getState().messages)).toEqual(span(151, 200));
  });
});
