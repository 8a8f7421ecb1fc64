import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { ko } from '@/i18n/ko';
import { buildChatMessage } from '@/testing/factories';
import { fakeLayout } from '@/testing/layout';
import { renderWithProviders } from '@/testing/render';
import type { MessageActions } from './message-item';
import { MessageList, type MessageRow, type ScrollRequest } from './message-list';

const me = { id: '1', nickname: '지우', avatarUrl: null };
const SCROLLER = '.chat-room__scroller';

function renderList(
  rows: MessageRow[],
  seenSeq: number | null = null,
  unreadFromSeq?: number,
  actions?: MessageActions,
) {
  const onRetry = vi.fn();
  const onDiscard = vi.fn();
  renderWithProviders(
    <MessageList
      label="메시지 민준"
      rows={rows}
      meId="1"
      seenSeq={seenSeq}
      unreadFromSeq={unreadFromSeq}
      onRetry={onRetry}
      onDiscard={onDiscard}
      actions={actions}
    />,
  );
  return { onRetry, onDiscard, log: screen.getByRole('log', { name: '메시지 민준' }) };
}

function fakeActions(overrides: Partial<MessageActions> = {}) {
  return {
    edit: vi.fn(() => Promise.resolve()),
    remove: vi.fn(() => Promise.resolve()),
    reply: vi.fn(),
    react: vi.fn(() => Promise.resolve()),
    ...overrides,
  };
}

/** Message actions live in a menu, opened from the message's "more" button. */
const openMenu = (scope: HTMLElement) =>
  userEvent.click(within(scope).getByRole('button', { name: /메시지 메뉴 열기$/ }));

/**
 * Scrolls to `top` until `check` holds. The list opens scrolled to its end, and on a loaded
 * machine that opening scroll may still be settling and take one scroll of the reader back.
 */
async function scrollUntil(
  layout: ReturnType<typeof fakeLayout>,
  scroller: HTMLElement,
  top: number,
  check: () => void,
): Promise<void> {
  await waitFor(
    () => {
      act(() => layout.scrollTo(scroller, top));
      check();
    },
    { timeout: 5000 },
  );
}

describe('MessageList', () => {
  beforeEach(() => void fakeLayout({ scroller: SCROLLER, gap: 8 }));

  it('is a polite live log with a separator at each new day', () => {
    const { log } = renderList([
      { kind: 'message', message: buildChatMessage({ seq: 1, createdAt: '2025-03-01T12:00:00Z' }) },
      { kind: 'message', message: buildChatMessage({ seq: 2, createdAt: '2025-03-01T13:00:00Z' }) },
      { kind: 'message', message: buildChatMessage({ seq: 3, createdAt: '2025-03-04T12:00:00Z' }) },
    ]);
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(within(log).getAllByRole('separator')).toHaveLength(2);
    expect(within(log).getByText('메시지 3')).toBeInTheDocument();
  });

  it('puts the unread divider right before the first unread message', () => {
    const rows: MessageRow[] = [1, 2, 3].map((seq) => ({
      kind: 'message',
      message: buildChatMessage({ seq }),
    }));
    const { log } = renderList(rows, null, 2);
    const items = within(log).getAllByRole('listitem');
    const divider = within(log).getByText(ko.chat.unreadFrom);
    const next = divider.nextElementSibling;
    expect(divider.previousElementSibling).toBe(items[0]);
    expect(next).toHaveAttribute('data-seq', '2');
  });

  it('shows a photo as a thumbnail linking to the full image, without an empty text line', () => {
    const url = '/api/media/5c1c5e9e-4b7a-4c55-9d1a-8f0d2b6a7c10?exp=1&sig=s';
    const { log } = renderList([
      {
        kind: 'message',
        message: buildChatMessage({
          seq: 1,
          text: null,
          image: { id: 'img', url, width: 1024, height: 512 },
        }),
      },
    ]);
    const img = within(log).getByRole('img', { name: '민준 님이 보낸 사진' });
    expect(img).toHaveAttribute('src', `${url}&size=thumb`);
    expect(img).toHaveAttribute('width', '256');
    expect(img).toHaveAttribute('height', '128');
    expect(img.closest('a')).toHaveAttribute('href', url);
    expect(log.querySelectorAll('.message__text')).toHaveLength(0);
  });

  it('says a photo is on its way while it waits in the outbox', () => {
    const { log } = renderList([
      {
        kind: 'outbox',
        entry: {
          clientMessageId: 'c1',
          roomId: 'room-1',
          text: '',
          imageId: 'img',
          createdAt: '2025-03-01T12:00:00Z',
          status: 'pending',
        },
      },
    ]);
    expect(within(log).getByText(ko.chat.image.sending)).toBeInTheDocument();
  });

  it('shows the quote of a reply that is still waiting in the outbox, or failed', () => {
    const replyTo = {
      id: 'message-1',
      seq: 1,
      sender: me,
      text: '점심 뭐 먹어요?',
      deletedAt: null,
    };
    const entry = { roomId: 'room-1', createdAt: '2025-03-01T12:00:00Z', text: '김밥이요' };
    const { log } = renderList([
      {
        kind: 'outbox',
        entry: {
          ...entry,
          clientMessageId: 'a',
          status: 'pending',
          replyToId: 'message-1',
          replyTo,
        },
      },
      {
        kind: 'outbox',
        entry: {
          ...entry,
          clientMessageId: 'b',
          status: 'failed',
          replyToId: 'message-1',
          replyTo,
        },
      },
    ]);
    const quotes = within(log).getAllByRole('figure', { name: '지우 님의 메시지에 답장' });
    expect(quotes).toHaveLength(2);
    quotes.forEach((quote) => expect(quote).toHaveTextContent('점심 뭐 먹어요?'));
  });

  it('says why a send was refused, with no retry where it cannot help', async () => {
    const entry = { roomId: 'room-1', createdAt: '2025-03-01T12:00:00Z', text: '안녕' };
    const { log, onRetry, onDiscard } = renderList([
      {
        kind: 'outbox',
        entry: {
          ...entry,
          clientMessageId: 'a',
          status: 'failed',
          errorCode: 'CHAT_DIRECT_BLOCKED',
        },
      },
      {
        kind: 'outbox',
        entry: {
          ...entry,
          clientMessageId: 'b',
          status: 'failed',
          errorCode: 'COMMON_RATE_LIMITED',
        },
      },
    ]);
    const [blocked, limited] = within(log).getAllByRole('listitem');
    expect(within(blocked!).getByRole('alert')).toHaveTextContent(ko.errorCode.CHAT_DIRECT_BLOCKED);
    expect(within(blocked!).queryByRole('button', { name: ko.chat.retry })).toBeNull();
    await userEvent.click(within(blocked!).getByRole('button', { name: ko.chat.status.discard }));
    expect(onDiscard).toHaveBeenCalledWith('a');

    expect(within(limited!).getByRole('alert')).toHaveTextContent(ko.errorCode.COMMON_RATE_LIMITED);
    await userEvent.click(within(limited!).getByRole('button', { name: ko.chat.retry }));
    expect(onRetry).toHaveBeenCalledWith('b');
  });

  it('renders inline code and code blocks as text, with a copy button', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const text = 'run `<b>pnpm</b>`:\n```sh\necho "<script>x</script>"\n```';
    const { log } = renderList([{ kind: 'message', message: buildChatMessage({ seq: 1, text }) }]);
    expect(log.querySelector('b, script')).toBeNull();
    expect(within(log).getByText('<b>pnpm</b>').tagName).toBe('CODE');
    const block = within(log).getByRole('group', { name: 'sh 코드' });
    expect(block.querySelector('pre')).toHaveTextContent('echo "<script>x</script>"');
    await userEvent.click(within(block).getByRole('button', { name: 'sh 코드 복사' }));
    expect(writeText).toHaveBeenCalledWith('echo "<script>x</script>"');
    expect(await within(block).findByRole('status')).toHaveTextContent(ko.chat.code.copied);
    vi.unstubAllGlobals();
  });

  it('opens a message’s actions from its menu and closes them with Escape', async () => {
    const actions = fakeActions();
    const { log } = renderList(
      [{ kind: 'message', message: buildChatMessage({ seq: 1 }) }],
      null,
      undefined,
      actions,
    );
    expect(within(log).queryByRole('button', { name: ko.chat.message.reply })).toBeNull();
    await openMenu(log);
    const menu = within(log).getByRole('group', { name: ko.chat.message.actions });
    expect(within(menu).getByRole('button', { name: ko.chat.message.reply })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(within(log).queryByRole('group', { name: ko.chat.message.actions })).toBeNull();
  });

  it('shows a deleted message in place without its text', () => {
    const { log } = renderList([
      {
        kind: 'message',
        message: buildChatMessage({ seq: 1, text: null, deletedAt: '2025-03-01T01:00:00Z' }),
      },
    ]);
    expect(within(log).getByText(ko.chat.deletedMessage)).toBeInTheDocument();
  });

  it('marks only my last message the other party has read as seen', () => {
    const { log } = renderList(
      [
        { kind: 'message', message: buildChatMessage({ seq: 1, sender: me }) },
        { kind: 'message', message: buildChatMessage({ seq: 2, sender: me }) },
        { kind: 'message', message: buildChatMessage({ seq: 3, sender: me }) },
      ],
      2,
    );
    const seen = within(log).getAllByText(ko.chat.seen);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.closest('li')).toHaveAttribute('data-seq', '2');
  });

  it('shows pending and failed sends, and retries or discards a failed one', async () => {
    const entry = {
      roomId: 'room-1',
      createdAt: '2025-03-01T01:00:00Z',
      text: '안 갔어요',
    };
    const { log, onRetry, onDiscard } = renderList([
      { kind: 'outbox', entry: { ...entry, clientMessageId: 'a', status: 'pending' } },
      { kind: 'outbox', entry: { ...entry, clientMessageId: 'b', status: 'failed' } },
    ]);
    expect(within(log).getByText(ko.chat.status.pending)).toBeInTheDocument();
    expect(within(log).getByText(ko.chat.status.failed)).toBeInTheDocument();
    await userEvent.click(within(log).getByRole('button', { name: ko.chat.retry }));
    await userEvent.click(within(log).getByRole('button', { name: ko.chat.status.discard }));
    expect(onRetry).toHaveBeenCalledWith('b');
    expect(onDiscard).toHaveBeenCalledWith('b');
  });

  it('edits my own message inline and shows that it was edited', async () => {
    const actions = fakeActions();
    const mine = buildChatMessage({ seq: 1, sender: me, text: '안녕' });
    const { log } = renderList(
      [
        { kind: 'message', message: mine },
        { kind: 'message', message: buildChatMessage({ seq: 2 }) },
      ],
      null,
      undefined,
      actions,
    );
    const [myItem, theirItem] = within(log).getAllByRole('listitem');
    expect(within(theirItem!).queryByRole('button', { name: ko.chat.message.edit })).toBeNull();

    await openMenu(theirItem!);
    expect(within(theirItem!).queryByRole('button', { name: ko.chat.message.edit })).toBeNull();
    await openMenu(myItem!);
    await userEvent.click(within(myItem!).getByRole('button', { name: ko.chat.message.edit }));
    const editor = within(myItem!).getByRole('textbox', { name: ko.chat.message.editLabel });
    expect(editor).toHaveValue('안녕');
    await userEvent.clear(editor);
    await userEvent.type(editor, '안녕하세요');
    await userEvent.click(within(myItem!).getByRole('button', { name: ko.chat.message.save }));
    expect(actions.edit).toHaveBeenCalledWith(mine, '안녕하세요');
    expect(within(myItem!).queryByRole('textbox')).toBeNull();
  });

  it('marks an edited message', () => {
    const { log } = renderList([
      { kind: 'message', message: buildChatMessage({ seq: 1, editedAt: '2025-03-01T01:00:00Z' }) },
    ]);
    expect(within(log).getByText(ko.chat.message.edited)).toBeInTheDocument();
  });

  it('cancels an edit without saving', async () => {
    const actions = fakeActions();
    const { log } = renderList(
      [{ kind: 'message', message: buildChatMessage({ seq: 1, sender: me }) }],
      null,
      undefined,
      actions,
    );
    await openMenu(log);
    await userEvent.click(within(log).getByRole('button', { name: ko.chat.message.edit }));
    await userEvent.click(within(log).getByRole('button', { name: ko.chat.message.cancel }));
    expect(within(log).queryByRole('textbox')).toBeNull();
    expect(actions.edit).not.toHaveBeenCalled();
  });

  it('deletes my message only after the confirm step, and shows a failure', async () => {
    const remove = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(500, {}))
      .mockResolvedValueOnce(undefined);
    const actions = fakeActions({ remove });
    const mine = buildChatMessage({ seq: 1, sender: me });
    const { log } = renderList([{ kind: 'message', message: mine }], null, undefined, actions);
    await openMenu(log);
    await userEvent.click(within(log).getByRole('button', { name: ko.chat.message.delete }));
    expect(remove).not.toHaveBeenCalled();
    const confirm = within(log).getByRole('group', { name: ko.chat.message.confirmDelete });
    await userEvent.click(within(confirm).getByRole('button', { name: ko.chat.message.delete }));
    expect(await within(log).findByRole('alert')).toHaveTextContent(/\S/);
    await userEvent.click(within(confirm).getByRole('button', { name: ko.chat.message.delete }));
    expect(remove).toHaveBeenCalledTimes(2);
    expect(remove).toHaveBeenCalledWith(mine);
  });

  it('offers no edit or delete on a deleted message', () => {
    const { log } = renderList(
      [
        {
          kind: 'message',
          message: buildChatMessage({ seq: 1, sender: me, text: null, deletedAt: '2025-03-01' }),
        },
      ],
      null,
      undefined,
      fakeActions(),
    );
    expect(within(log).queryByRole('button')).toBeNull();
  });

  it('replies to any message that is not deleted, and shows the quote a reply carries', async () => {
    const actions = fakeActions();
    const theirs = buildChatMessage({
      seq: 2,
      replyTo: { id: 'message-1', seq: 1, sender: me, text: '점심 뭐 먹어요?', deletedAt: null },
    });
    const { log } = renderList(
      [
        {
          kind: 'message',
          message: buildChatMessage({
            seq: 1,
            text: null,
            deletedAt: '2025-03-01',
            replyTo: { id: 'message-0', seq: 0, sender: me, text: null, deletedAt: '2025-03-01' },
          }),
        },
        { kind: 'message', message: theirs },
      ],
      null,
      undefined,
      actions,
    );
    const [deleted, reply] = within(log).getAllByRole('listitem');
    expect(within(deleted!).queryByRole('button', { name: ko.chat.message.reply })).toBeNull();
    expect(
      within(deleted!).getByRole('figure', { name: '지우 님의 메시지에 답장' }),
    ).toHaveTextContent(ko.chat.reply.deleted);
    const quote = within(reply!).getByRole('figure', { name: '지우 님의 메시지에 답장' });
    expect(quote).toHaveTextContent('점심 뭐 먹어요?');

    await openMenu(reply!);
    await userEvent.click(within(reply!).getByRole('button', { name: ko.chat.message.reply }));
    expect(actions.reply).toHaveBeenCalledWith(theirs);
  });

  it('shows reactions with counts, pressed when I reacted, and toggles them', async () => {
    const actions = fakeActions();
    const message = buildChatMessage({
      seq: 1,
      reactions: [
        { emoji: '👍', userIds: ['1', '2', '3'] },
        { emoji: '🎉', userIds: ['2'] },
      ],
    });
    const { log } = renderList([{ kind: 'message', message }], null, undefined, actions);
    const reactions = within(log).getByRole('list', { name: ko.chat.reaction.list });
    const thumbs = within(reactions).getByRole('button', { name: '👍 반응 3개' });
    const party = within(reactions).getByRole('button', { name: '🎉 반응 1개' });
    expect(thumbs).toHaveAttribute('aria-pressed', 'true');
    expect(party).toHaveAttribute('aria-pressed', 'false');

    await userEvent.click(thumbs);
    expect(actions.react).toHaveBeenLastCalledWith(message, '👍', false);
    await userEvent.click(party);
    expect(actions.react).toHaveBeenLastCalledWith(message, '🎉', true);
    await openMenu(log);
    await userEvent.click(within(log).getByRole('button', { name: '❤️ 반응 남기기' }));
    expect(actions.react).toHaveBeenLastCalledWith(message, '❤️', true);
  });

  it('says how many others have read my last message in a group', () => {
    renderWithProviders(
      <MessageList
        label="메시지 모임"
        rows={[1, 2].map((seq) => ({
          kind: 'message' as const,
          message: buildChatMessage({ seq, sender: me }),
        }))}
        meId="1"
        seenSeq={null}
        seenBy={{ seq: 2, count: 3 }}
        onRetry={vi.fn()}
        onDiscard={vi.fn()}
      />,
    );
    const seen = screen.getByText('3명 읽음');
    expect(seen.closest('li')).toHaveAttribute('data-seq', '2');
  });
});

const messagesFrom = (first: number, last: number): MessageRow[] =>
  Array.from({ length: last - first + 1 }, (_, i) => ({
    kind: 'message' as const,
    message: buildChatMessage({ seq: first + i }),
  }));

describe('MessageList virtualisation', () => {
  let layout: ReturnType<typeof fakeLayout>;
  beforeEach(() => {
    layout = fakeLayout({ scroller: SCROLLER, gap: 8 });
  });

  function renderLong(rows: MessageRow[], props: Partial<Parameters<typeof MessageList>[0]> = {}) {
    const base = {
      label: '메시지 민준',
      meId: '1',
      seenSeq: null,
      onRetry: vi.fn(),
      onDiscard: vi.fn(),
    };
    const view = renderWithProviders(<MessageList {...base} rows={rows} {...props} />);
    const log = screen.getByRole('log', { name: '메시지 민준' });
    const rerender = (next: MessageRow[], nextProps = props) =>
      view.rerender(<MessageList {...base} rows={next} {...nextProps} />);
    return { log, scroller: log.closest<HTMLElement>(SCROLLER)!, rerender };
  }
  const item = (log: HTMLElement, seq: number) => log.querySelector(`[data-seq="${seq}"]`);

  it('puts only the rows in view in the DOM, and opens at the newest', async () => {
    const { log, scroller } = renderLong(messagesFrom(1, 2000), { hasMoreBefore: false });
    await waitFor(() => expect(item(log, 2000)).not.toBeNull());
    const shown = log.querySelectorAll('li.message');
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(40);
    expect(item(log, 1)).toBeNull();
    expect(scroller.scrollTop).toBe(layout.maxScroll(scroller));
    // The list keeps the whole history's height, so the scrollbar tells the truth.
    expect(parseFloat(log.style.height)).toBeGreaterThan(2000 * 60);
  });

  it('keeps an edit in progress when its row scrolls out of view and back', async () => {
    const rows = messagesFrom(1, 300);
    const mine = buildChatMessage({ seq: 300, sender: me, text: '안녕' });
    rows[299] = { kind: 'message', message: mine };
    const { log, scroller } = renderLong(rows, { hasMoreBefore: false, actions: fakeActions() });
    await waitFor(() => expect(item(log, 300)).not.toBeNull());
    const row = () => item(log, 300) as HTMLElement;
    await openMenu(row());
    await userEvent.click(within(row()).getByRole('button', { name: ko.chat.message.edit }));
    const editor = within(row()).getByRole('textbox', { name: ko.chat.message.editLabel });
    await userEvent.type(editor, ' 반가워요');

    await scrollUntil(layout, scroller, 0, () => expect(item(log, 300)).toBeNull());
    act(() => layout.scrollTo(scroller, layout.maxScroll(scroller)));
    await waitFor(() => expect(item(log, 300)).not.toBeNull());
    expect(within(row()).getByRole('textbox', { name: ko.chat.message.editLabel })).toHaveValue(
      '안녕 반가워요',
    );
  });

  it('asks for older messages near the top, and keeps what is on screen in place', async () => {
    const onNearStart = vi.fn();
    const props = { hasMoreBefore: true, onNearStart };
    const { log, scroller, rerender } = renderLong(messagesFrom(1001, 1100), props);
    await waitFor(() => expect(item(log, 1100)).not.toBeNull());
    expect(onNearStart).not.toHaveBeenCalled();

    await scrollUntil(layout, scroller, 0, () => expect(onNearStart).toHaveBeenCalled());
    await waitFor(() => expect(item(log, 1001)).not.toBeNull());
    const before = layout.topOf(item(log, 1001)!);

    rerender(messagesFrom(951, 1100), props);
    await waitFor(() => expect(item(log, 1001)).not.toBeNull());
    expect(scroller.scrollTop).toBeGreaterThan(50 * 60);
    expect(layout.topOf(item(log, 1001)!)).toBe(before);
  });

  it('follows new messages at the bottom, and offers a way down when scrolled up', async () => {
    const { log, scroller, rerender } = renderLong(messagesFrom(1, 100));
    await waitFor(() => expect(item(log, 100)).not.toBeNull());
    expect(screen.queryByRole('button', { name: ko.chat.jumpToLatest })).toBeNull();
    // The reader scrolls up a little and back down: the opening scroll is long over.
    await scrollUntil(layout, scroller, 1000, () =>
      expect(screen.getByRole('button', { name: ko.chat.jumpToLatest })).toBeTruthy(),
    );
    act(() => layout.scrollTo(scroller, layout.maxScroll(scroller)));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: ko.chat.jumpToLatest })).toBeNull(),
    );

    rerender(messagesFrom(1, 101));
    await waitFor(() => expect(item(log, 101)).not.toBeNull());
    await waitFor(() => expect(scroller.scrollTop).toBe(layout.maxScroll(scroller)));

    // The scroll to the new end may still be settling: repeat the reader's scroll until it holds.
    await scrollUntil(layout, scroller, 1000, () =>
      expect(screen.getByRole('button', { name: ko.chat.jumpToLatest })).toBeTruthy(),
    );
    const latest = screen.getByRole('button', { name: ko.chat.jumpToLatest });
    rerender(messagesFrom(1, 102));
    await waitFor(() => expect(parseFloat(log.style.height)).toBeGreaterThan(102 * 60));
    expect(scroller.scrollTop).toBe(1000);
    expect(item(log, 102)).toBeNull();

    await userEvent.click(latest);
    await waitFor(() => expect(item(log, 102)).not.toBeNull());
    expect(scroller.scrollTop).toBe(layout.maxScroll(scroller));
  });

  it('brings a requested message into view, marked and focused', async () => {
    const rows = messagesFrom(1, 500);
    const { log, rerender } = renderLong(rows);
    await waitFor(() => expect(item(log, 500)).not.toBeNull());
    const request: ScrollRequest = { to: 'seq', seq: 120, isFocused: true };
    rerender(rows, { scrollRequest: request, highlightSeq: 120 });
    await waitFor(() => expect(item(log, 120)).toHaveFocus());
    expect(item(log, 120)).toHaveClass('message--target');
    expect(layout.topOf(item(log, 120)!)).toBe(0);
    expect(item(log, 500)).toBeNull();
  });
});
