import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildProfile, buildTokens } from '@/testing/factories';
import { createFakeFetch, json, noContent, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { ProfileRoute } from './profile';

type Listener = (payload: unknown) => void;

/** Stands in for the `/user` socket: records listeners and answers `presence.get`. */
const socket = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    connected: true,
    listeners,
    presence: [] as unknown[],
    asked: [] as unknown[],
    on(event: string, fn: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(fn);
    },
    off(event: string, fn: Listener) {
      listeners.get(event)?.delete(fn);
    },
    emit(event: string, payload: unknown, ack: (res: unknown) => void) {
      if (event !== 'presence.get') throw new Error(`unexpected ${event}`);
      this.asked.push(payload);
      ack({ ok: true, data: this.presence });
    },
    push(event: string, payload: unknown) {
      listeners.get(event)?.forEach((fn) => fn(payload));
    },
  };
});

vi.mock('@/lib/realtime-provider', () => ({ useSocket: () => socket }));

function renderAt(path: string, handlers: Parameters<typeof createFakeFetch>[0]) {
  vi.stubGlobal('fetch', createFakeFetch(handlers));
  const user = userEvent.setup();
  renderWithProviders(
    <Routes>
      <Route path="/users/:id" element={<ProfileRoute />} />
    </Routes>,
    { route: path },
  );
  return { user };
}

describe('ProfileRoute', () => {
  beforeEach(() => {
    authSession.signIn(buildTokens());
    socket.listeners.clear();
    socket.presence = [];
    socket.asked = [];
  });

  it('says a missing (or hidden) user cannot be found', async () => {
    renderAt('/users/u9', { 'GET /api/users/u9': () => problem(404, 'COMMON_NOT_FOUND') });
    expect(await screen.findByRole('heading', { name: ko.profile.notFound })).toBeInTheDocument();
  });

  it('keeps the presence of someone I follow live', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    socket.presence = [{ userId: 'u2', online: false, lastActiveAt: fiveMinutesAgo }];
    renderAt('/users/u2', {
      'GET /api/users/u2': () =>
        json(
          200,
          buildProfile({
            viewer: { isFollowing: true },
            presence: { online: false, lastActiveAt: fiveMinutesAgo },
          }),
        ),
    });
    expect(await screen.findByText('5분 전 활동')).toBeInTheDocument();
    expect(socket.asked).toEqual([{ userIds: ['u2'] }]);

    act(() => socket.push('presence.updated', { userId: 'u2', online: true, lastActiveAt: null }));
    expect(screen.getByText(ko.presence.online)).toBeInTheDocument();
    act(() => socket.push('presence.updated', { userId: 'u7', online: false, lastActiveAt: null }));
    expect(screen.getByText(ko.presence.online)).toBeInTheDocument();
  });

  it('shows no presence to someone who does not follow the user', async () => {
    renderAt('/users/u2', { 'GET /api/users/u2': () => json(200, buildProfile()) });
    expect(await screen.findByRole('heading', { name: '민준' })).toBeInTheDocument();
    act(() => socket.push('presence.updated', { userId: 'u2', online: true, lastActiveAt: null }));
    expect(screen.queryByText(ko.presence.online)).not.toBeInTheDocument();
    expect(socket.asked).toEqual([]);
  });

  it('after blocking, offers to undo; unblocking shows the profile again', async () => {
    let isBlocked = false;
    const { user } = renderAt('/users/u2', {
      'GET /api/users/u2': () =>
        isBlocked ? problem(404, 'COMMON_NOT_FOUND') : json(200, buildProfile()),
      'PUT /api/users/u2/block': () => {
        isBlocked = true;
        return noContent();
      },
      'DELETE /api/users/u2/block': () => {
        isBlocked = false;
        return noContent();
      },
    });
    await user.click(await screen.findByRole('button', { name: '민준 님 관련 메뉴' }));
    await user.click(screen.getByRole('button', { name: ko.social.block }));
    await user.click(screen.getByRole('button', { name: ko.social.blockConfirmButton }));

    expect(
      await screen.findByRole('heading', { name: '민준 님을 차단했습니다.' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: ko.profile.blockedList })).toHaveAttribute(
      'href',
      '/settings/blocked',
    );
    await user.click(screen.getByRole('button', { name: '민준 님 차단 해제' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: '민준 님의 프로필' })).toBeInTheDocument(),
    );
  });
});
