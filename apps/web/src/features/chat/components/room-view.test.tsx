import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildChatMessage, buildTokens } from '@/testing/factories';
import { createFakeFetch, json } from '@/testing/fake-fetch';
import { fakeLayout } from '@/testing/layout';
import { renderWithProviders } from '@/testing/render';
import type { ChatRoomDetail } from '@/lib/api-types';
import type { ChatEngine } from '../store/chat-engine';
import { createOutbox } from '../store/outbox';
import { at, fakeMessageServer } from '@/testing/fake-message-server';
import { createRoomTimeline, type FetchPage } from '../store/room-timeline';
import { RoomView } from './room-view';

const me = { id: '1', nickname: '지우', avatarUrl: null };
const question = buildChatMessage({ seq: 1, text: '점심 뭐 먹어요?' });

/** A stand-in engine: a real timeline and outbox, with send and the socket calls recorded. */
const engine = vi.hoisted(() => ({ current: null as ChatEngine | null }));
vi.mock('../realtime/chat-engine-provider', () => ({ useChatEngine: () => engine.current }));

const NOBODY: readonly string[] = [];

function fakeEngine(
  fetchPage: FetchPage = async () => ({
    items: [question, buildChatMessage({ seq: 2, sender: me, text: '글쎄요' })],
    lastSeq: 2,
    hasMoreBefore: false,
    hasMoreAfter: false,
    reads: [{ roomId: 'room-1', userId: '3', lastReadSeq: 2 }],
  }),
) {
  const timeline = createRoomTimeline('room-1', fetchPage);
  return {
    timeline: () => timeline,
    outbox: createOutbox(null, 'outbox'),
    send: vi.fn(),
    retry: vi.fn(),
    discard: vi.fn(),
    markRead: vi.fn(),
    setTyping: vi.fn(),
    typingIn: () => NOBODY,
    isOffline: () => false,
    wasRemoved: () => false,
    subscribe: () => () => undefined,
    start: () => () => undefined,
  } satisfies ChatEngine;
}

describe('RoomView', () => {
  beforeEach(() => {
    authSession.signIn(buildTokens());
    fakeLayout({ scroller: '.chat-room__scroller' });
  });

  it('replies: the target shows above the composer and the send carries replyToId', async () => {
    const fake = fakeEngine();
    engine.current = fake;
    vi.stubGlobal(
      'fetch',
      createFakeFetch({
        'GET /api/chat/rooms/room-1': () =>
          json(200, {
            id: 'room-1',
            kind: 'group',
            name: '점심 모임',
            ownerId: '1',
            managedBy: null,
            managedId: null,
            peer: null,
            memberCount: 3,
            lastSeq: 2,
            lastReadSeq: 2,
            unreadCount: 0,
            lastMessage: null,
            lastActivityAt: '2025-01-02T03:04:05.000Z',
            createdAt: '2025-01-02T03:04:05.000Z',
            members: [
              { user: me, role: 'owner', lastReadSeq: 2, joinedAt: '2025-01-02' },
              { user: question.sender, role: 'member', lastReadSeq: 2, joinedAt: '2025-01-02' },
              {
                user: { id: '3', nickname: '서연', avatarUrl: null },
                role: 'member',
                lastReadSeq: 0,
                joinedAt: '2025-01-02',
              },
            ],
          }),
      }),
    );
    renderWithProviders(<RoomView roomId="room-1" meId="1" />);

    const log = await screen.findByRole('log', { name: '메시지 점심 모임' });
    const [first] = await within(log).findAllByRole('listitem');
    expect(await within(log).findByText('2명 읽음')).toBeInTheDocument();

    await userEvent.click(within(first!).getByRole('button', { name: /메시지 메뉴 열기$/ }));
    await userEvent.click(within(first!).getByRole('button', { name: ko.chat.message.reply }));
    expect(screen.getByRole('figure', { name: '민준 님에게 답장' })).toHaveTextContent(
      '점심 뭐 먹어요?',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: ko.chat.composer.label }),
      '김밥이요{Enter}',
    );
    expect(fake.send).toHaveBeenCalledWith('room-1', '김밥이요', {
      imageId: undefined,
      replyTo: question,
    });
    expect(screen.queryByRole('figure', { name: '민준 님에게 답장' })).toBeNull();
  });

  it('says plainly that I am no longer in a room I was removed from', async () => {
    const fake = { ...fakeEngine(), wasRemoved: (roomId: string) => roomId === 'room-1' };
    engine.current = fake;
    vi.stubGlobal(
      'fetch',
      createFakeFetch({
        'GET /api/chat/rooms/room-1': () =>
          json(404, { code: 'CHAT_ROOM_NOT_FOUND', message: 'Room not found.' }),
      }),
    );
    renderWithProviders(<RoomView roomId="room-1" meId="1" />);
    expect(await screen.findByText(ko.chat.removed.title)).toBeInTheDocument();
    expect(screen.getByText(ko.chat.removed.description)).toBeInTheDocument();
    expect(screen.queryByText(ko.errorCode.CHAT_ROOM_NOT_FOUND)).toBeNull();
    expect(screen.queryByRole('textbox', { name: ko.chat.composer.label })).toBeNull();
    for (const link of screen.getAllByRole('link', { name: ko.chat.toList }))
      expect(link).toHaveAttribute('href', '/chat');
  });

  describe('jumps', () => {
    const minjun = buildChatMessage().sender;
    const directRoom = (overrides: Partial<ChatRoomDetail>): ChatRoomDetail => ({
      id: 'room-1',
      kind: 'direct',
      name: null,
      ownerId: null,
      managedBy: null,
      managedId: null,
      peer: minjun,
      memberCount: 2,
      lastSeq: 300,
      lastReadSeq: 300,
      unreadCount: 0,
      lastMessage: null,
      lastActivityAt: '2025-01-02T03:04:05.000Z',
      createdAt: '2025-01-01T00:00:00.000Z',
      members: [
        { user: me, role: 'member', lastReadSeq: 300, joinedAt: '2025-01-01' },
        { user: minjun, role: 'member', lastReadSeq: 300, joinedAt: '2025-01-01' },
      ],
      ...overrides,
    });

    async function openRoom(room: ChatRoomDetail) {
      const server = fakeMessageServer(300);
      const fake = fakeEngine(server.fetchPage);
      engine.current = fake;
      vi.stubGlobal(
        'fetch',
        createFakeFetch({ 'GET /api/chat/rooms/room-1': () => json(200, room) }),
      );
      const view = renderWithProviders(<RoomView roomId="room-1" meId="1" />);
      const log = await screen.findByRole('log', { name: '메시지 민준' });
      await waitFor(() => expect(log.querySelector('[data-seq="300"]')).not.toBeNull());
      const queries = () => server.fetchPage.mock.calls.map(([query]) => query);
      return { log, server, queries, timeline: fake.timeline(), view };
    }

    it('jumps to the first unread beyond the newest page, then pages on to the live end', async () => {
      const { log, queries, timeline } = await openRoom(
        directRoom({ lastReadSeq: 100, unreadCount: 200 }),
      );
      // The newest page holds none of the first unread ones: no divider, a jump instead.
      expect(within(log).queryByText(ko.chat.unreadFrom)).toBeNull();
      await userEvent.click(
        screen.getByRole('button', { name: '읽지 않은 첫 메시지로 이동 (200개)' }),
      );

      const first = await waitFor(() => {
        const item = log.querySelector<HTMLElement>('[data-seq="101"]');
        expect(item).toHaveFocus();
        return item!;
      });
      expect(first.previousElementSibling).toHaveTextContent(ko.chat.unreadFrom);
      expect(queries()).toEqual([{ newest: true }, { around: 101 }]);
      expect(screen.queryByRole('button', { name: /읽지 않은 첫 메시지로 이동/ })).toBeNull();

      for (;;) {
        const more = screen.queryByRole('button', { name: ko.chat.loadNewer });
        if (!more) break;
        await waitFor(() => expect(more).toBeEnabled());
        await userEvent.click(more);
        await waitFor(() => expect(timeline.getState().isLoadingNewer).toBe(false));
      }
      const seqs = timeline.getState().messages.map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: 300 - 75 }, (_, i) => 76 + i));
      expect(queries().slice(2)).toEqual([{ afterSeq: 125 }, { afterSeq: 175 }, { afterSeq: 225 }]);
      expect(timeline.getState().hasMoreAfter).toBe(false);
    });

    it('goes to the first message on or after a date, marked, or says there is none', async () => {
      const { log, queries } = await openRoom(directRoom({}));
      await userEvent.click(screen.getByRole('button', { name: ko.chat.roomMenu }));
      const date = screen.getByLabelText(ko.chat.jumpToDate.label);
      const go = screen.getByRole('button', { name: ko.chat.jumpToDate.submit });

      fireEvent.change(date, { target: { value: '2025-01-05' } });
      await userEvent.click(go);
      const moment = new Date('2025-01-05T00:00:00');
      const expected = Array.from({ length: 300 }, (_, i) => i + 1).find(
        (seq) => Date.parse(at(seq)) >= moment.getTime(),
      )!;
      const target = await waitFor(() => {
        const item = log.querySelector<HTMLElement>(`[data-seq="${expected}"]`);
        expect(item).toHaveFocus();
        return item!;
      });
      expect(target).toHaveClass('message--target');
      expect(queries().at(-1)).toEqual({ aroundDate: moment.toISOString() });
      expect(screen.getByRole('button', { name: ko.chat.jumpToLatest })).toBeInTheDocument();

      fireEvent.change(date, { target: { value: '2030-01-01' } });
      await userEvent.click(go);
      expect(await screen.findByText(ko.chat.jumpToDate.none)).toHaveRole('status');
      expect(target).toHaveClass('message--target');
    });

    it('reopens a room left deep in its history at the newest messages', async () => {
      const { log, view, timeline } = await openRoom(
        directRoom({ lastReadSeq: 100, unreadCount: 200 }),
      );
      await userEvent.click(screen.getByRole('button', { name: /읽지 않은 첫 메시지로 이동/ }));
      await waitFor(() => expect(log.querySelector('[data-seq="101"]')).toHaveFocus());
      expect(timeline.getState().hasMoreAfter).toBe(true);

      view.rerender(<></>);
      view.rerender(<RoomView roomId="room-1" meId="1" />);
      const reopened = await screen.findByRole('log', { name: '메시지 민준' });
      await waitFor(() => expect(reopened.querySelector('[data-seq="300"]')).not.toBeNull());
      expect(timeline.getState().hasMoreAfter).toBe(false);
    });
  });
});
