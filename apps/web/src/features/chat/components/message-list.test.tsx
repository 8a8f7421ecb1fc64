import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { ko } from '@/i18n/ko';
import { buildChatMessage } from '@/testing/factories';
import { renderWithProviders } from '@/testing/render';
import type { MessageActions } from './message-item';
import { MessageList, type MessageRow } from './message-list';

const me = { id: '1', nickname: '지우', avatarUrl: null };

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

describe('MessageList', () => {
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
