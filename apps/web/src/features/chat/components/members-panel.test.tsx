import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import type { ChatRoomDetail } from '@/lib/api-types';
import { buildListItem, buildPage, buildTokens } from '@/testing/factories';
import { createFakeFetch, json, noContent, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { MembersPanel, type MemberPresence } from './members-panel';

const person = (id: string, nickname: string) => ({ id, nickname, avatarUrl: null });

function buildRoom(overrides: Partial<ChatRoomDetail> = {}): ChatRoomDetail {
  return {
    id: 'room-1',
    kind: 'group',
    name: '스터디',
    ownerId: '1',
    managedBy: null,
    managedId: null,
    peer: null,
    memberCount: 3,
    lastSeq: 0,
    lastReadSeq: 0,
    unreadCount: 0,
    lastMessage: null,
    lastActivityAt: '2025-01-02T03:04:05.000Z',
    createdAt: '2025-01-02T03:04:05.000Z',
    members: [
      { user: person('1', '지우'), role: 'owner', lastReadSeq: 0, joinedAt: '2025-01-02' },
      { user: person('2', '민준'), role: 'member', lastReadSeq: 0, joinedAt: '2025-01-02' },
      { user: person('3', '서연'), role: 'member', lastReadSeq: 0, joinedAt: '2025-01-02' },
    ],
    ...overrides,
  };
}

function renderPanel(
  meId: string,
  handlers: Parameters<typeof createFakeFetch>[0] = {},
  Presence?: MemberPresence,
  room: ChatRoomDetail = buildRoom(),
) {
  const fetch = createFakeFetch(handlers);
  vi.stubGlobal('fetch', fetch);
  renderWithProviders(
    <Routes>
      <Route
        path="/chat/:roomId"
        element={<MembersPanel room={room} meId={meId} Presence={Presence} />}
      />
      <Route path="/chat" element={<h1>채팅 목록 화면</h1>} />
    </Routes>,
    { route: '/chat/room-1' },
  );
  return { fetch, section: screen.getByRole('region', { name: '멤버 3명' }) };
}

describe('MembersPanel', () => {
  it('offers no member controls in a study room, even to its owner, and links to the study', () => {
    const { fetch, section } = renderPanel(
      '1',
      {},
      undefined,
      buildRoom({ managedBy: 'study', managedId: 'study-9' }),
    );
    expect(within(section).getAllByRole('listitem')).toHaveLength(3);
    expect(within(section).queryByRole('button')).toBeNull();
    expect(within(section).queryByRole('textbox')).toBeNull();
    expect(within(section).getByRole('link', { name: ko.chat.members.openStudy })).toHaveAttribute(
      'href',
      '/studies/study-9',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  beforeEach(() => authSession.signIn(buildTokens()));

  it('shows each member with avatar, presence and a link to the profile', () => {
    const Presence: MemberPresence = ({ userId }) =>
      userId === '3' ? <span>{ko.presence.online}</span> : null;
    const { section } = renderPanel('2', {}, Presence);
    const items = within(section).getAllByRole('listitem');
    const link = within(items[2]!).getByRole('link', {
      name: ko.chat.members.profile.replace('{nickname}', '서연'),
    });
    expect(link).toHaveAttribute('href', '/users/3');
    expect(items[2]!.querySelector('.avatar')).toHaveTextContent('서');
    expect(items[2]).toHaveTextContent(ko.presence.online);
    expect(items[1]).not.toHaveTextContent(ko.presence.online);
  });

  it('lists members with the owner marked; a member can leave after confirming', async () => {
    const { fetch, section } = renderPanel('2', {
      'POST /api/chat/rooms/room-1/leave': () => noContent(),
    });
    const items = within(section).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(`지우 (${ko.chat.members.owner})`);
    expect(items[1]).not.toHaveTextContent(ko.chat.members.owner);
    expect(within(section).queryByRole('button', { name: '서연 님 내보내기' })).toBeNull();
    expect(within(section).queryByRole('textbox')).toBeNull();

    await userEvent.click(within(section).getByRole('button', { name: ko.chat.members.leave }));
    expect(fetch).not.toHaveBeenCalled();
    const confirm = screen.getByRole('group', { name: ko.chat.members.leaveConfirm });
    await userEvent.click(within(confirm).getByRole('button', { name: ko.chat.members.leave }));
    expect(await screen.findByRole('heading', { name: '채팅 목록 화면' })).toBeInTheDocument();
  });

  it('lets the owner remove, rename, and add people they follow who are not in the room', async () => {
    const calls: string[] = [];
    const { section } = renderPanel('1', {
      'GET /api/users/1/following': () =>
        json(
          200,
          buildPage([
            buildListItem({ id: '2', nickname: '민준' }),
            buildListItem({ id: '4', nickname: '하린' }),
          ]),
        ),
      'DELETE /api/chat/rooms/room-1/members/3': () => {
        calls.push('remove 3');
        return noContent();
      },
      'PATCH /api/chat/rooms/room-1': async (request) => {
        calls.push(`rename ${((await request.json()) as { name: string }).name}`);
        return json(200, buildRoom({ name: '알고리즘 스터디' }));
      },
      'POST /api/chat/rooms/room-1/members': async (request) => {
        calls.push(`add ${((await request.json()) as { userIds: string[] }).userIds.join()}`);
        return problem(409, 'CHAT_ROOM_FULL');
      },
    });

    await userEvent.click(within(section).getByRole('button', { name: '서연 님 내보내기' }));
    const confirm = within(section).getByRole('group', {
      name: '서연 님을 이 그룹에서 내보낼까요?',
    });
    await userEvent.click(
      within(confirm).getByRole('button', { name: ko.chat.members.removeConfirmAction }),
    );
    const name = within(section).getByRole('textbox', { name: ko.chat.members.name });
    await userEvent.clear(name);
    await userEvent.type(name, '알고리즘 스터디');
    await userEvent.click(within(section).getByRole('button', { name: ko.chat.members.rename }));

    const add = await within(section).findByRole('button', { name: '하린 님 초대' });
    expect(within(section).queryByRole('button', { name: '민준 님 초대' })).toBeNull();
    await userEvent.click(add);
    expect(await within(section).findByText(ko.errorCode.CHAT_ROOM_FULL)).toHaveRole('alert');
    expect(calls).toEqual(['remove 3', 'rename 알고리즘 스터디', 'add 4']);
  });

  it('asks before removing a member; cancelling keeps them and returns focus', async () => {
    const { fetch, section } = renderPanel('1', {
      'GET /api/users/1/following': () => json(200, buildPage([])),
    });
    const removeButton = within(section).getByRole('button', { name: '서연 님 내보내기' });
    await userEvent.click(removeButton);

    const confirm = within(section).getByRole('group', {
      name: '서연 님을 이 그룹에서 내보낼까요?',
    });
    const cancel = within(confirm).getByRole('button', { name: ko.chat.members.cancel });
    expect(cancel).toHaveFocus();
    await userEvent.click(cancel);

    expect(within(section).queryByRole('group', { name: /내보낼까요/ })).toBeNull();
    expect(within(section).getByRole('button', { name: '서연 님 내보내기' })).toHaveFocus();
    expect(within(section).getByText('서연')).toBeInTheDocument();
    expect(fetch.mock.calls.map(([request]) => (request as Request).method)).not.toContain(
      'DELETE',
    );
  });
});
