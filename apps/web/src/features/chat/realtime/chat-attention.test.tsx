import { act, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { setPageTitle } from '@/lib/document-title';
import { buildChatMessage, buildTokens } from '@/testing/factories';
import { createFakeFetch, json } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { ChatAttention } from './chat-attention';

type Listener = (payload: unknown) => void;
const socket = vi.hoisted(() => {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    listeners,
    on(event: string, listener: (payload: unknown) => void) {
      listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
    },
    off(event: string, listener: (payload: unknown) => void) {
      listeners.get(event)?.delete(listener);
    },
    fire(event: string, payload: unknown) {
      listeners.get(event)?.forEach((listener: Listener) => listener(payload));
    },
  };
});
vi.mock('@/lib/realtime-provider', () => ({ useSocket: () => socket }));

const minjun = { id: '2', nickname: '민준', avatarUrl: null };

function setup(route: string) {
  let total = 0;
  vi.stubGlobal(
    'fetch',
    createFakeFetch({ 'GET /api/chat/unread': () => json(200, { total, rooms: total ? 1 : 0 }) }),
  );
  setPageTitle('사람들 · OrGo');
  renderWithProviders(
    <Routes>
      <Route path="*" element={<ChatAttention meId="1" />} />
    </Routes>,
    { route },
  );
  return {
    arrive(message: Parameters<typeof buildChatMessage>[0], newTotal: number) {
      total = newTotal;
      act(() => socket.fire('message.created', buildChatMessage(message)));
    },
  };
}

describe('ChatAttention', () => {
  beforeEach(() => authSession.signIn(buildTokens()));
  afterEach(() => socket.listeners.clear());

  it('shows a toast for a message from someone else outside its room, and the total in the title', async () => {
    const { arrive } = setup('/people');
    arrive({ id: 'm1', roomId: 'room-9', sender: minjun, text: '점심 먹었어요?' }, 1);
    const region = screen.getByRole('region', { name: ko.chat.attention.region });
    const toast = await within(region).findByRole('link', { name: /민준 님의 새 메시지/ });
    expect(toast).toHaveAttribute('href', '/chat/room-9');
    expect(toast).toHaveTextContent('점심 먹었어요?');
    await waitFor(() => expect(document.title).toBe('(1) 사람들 · OrGo'), { timeout: 5_000 });

    arrive({ id: 'm2', roomId: 'room-9', sender: minjun, text: null }, 2);
    expect(await within(region).findByText(ko.chat.attention.photo)).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('(2) 사람들 · OrGo'), { timeout: 5_000 });
  });

  it('stays quiet for my own messages, in the open room and on the room list', async () => {
    const inRoom = setup('/chat/room-9');
    inRoom.arrive({ id: 'm1', roomId: 'room-9', sender: minjun }, 0);
    inRoom.arrive({ id: 'm2', roomId: 'room-3', sender: { ...minjun, id: '1' } }, 0);
    expect(screen.queryByRole('link')).toBeNull();
    inRoom.arrive({ id: 'm3', roomId: 'room-3', sender: minjun }, 1);
    expect(await screen.findByRole('link', { name: /민준/ })).toHaveAttribute(
      'href',
      '/chat/room-3',
    );
  });

  it('shows no toasts on the room list, which shows new messages itself', () => {
    const { arrive } = setup('/chat');
    arrive({ id: 'm1', roomId: 'room-9', sender: minjun }, 1);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
