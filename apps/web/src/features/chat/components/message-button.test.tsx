import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildTokens } from '@/testing/factories';
import { createFakeFetch, json, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { MessageButton } from './message-button';

function renderButton(unavailable: 'notFollowing' | 'unverified' | null, status = 201) {
  const fetch = createFakeFetch({
    'POST /api/chat/rooms/direct': () =>
      status === 201 ? json(201, { id: 'room-9' }) : problem(403, 'CHAT_DIRECT_NOT_ALLOWED'),
  });
  vi.stubGlobal('fetch', fetch);
  renderWithProviders(
    <Routes>
      <Route path="/users/:id" element={<MessageButton userId="2" unavailable={unavailable} />} />
      <Route path="/chat/:roomId" element={<h1>대화방 화면</h1>} />
    </Routes>,
    { route: '/users/2' },
  );
  return { fetch, button: screen.getByRole('button', { name: ko.people.message }) };
}

describe('MessageButton', () => {
  beforeEach(() => authSession.signIn(buildTokens()));

  it('opens (or creates) the direct room with someone I follow', async () => {
    const { button, fetch } = renderButton(null);
    await userEvent.click(button);
    expect(await screen.findByRole('heading', { name: '대화방 화면' })).toBeInTheDocument();
    const request = fetch.mock.calls[0]![0] as Request;
    expect(await request.json()).toEqual({ userId: '2' });
  });

  it('is off with the reason when I do not follow them or my email is not verified', () => {
    const { button, fetch } = renderButton('notFollowing');
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(ko.people.messageHint);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('names the reason when the server refuses', async () => {
    const { button } = renderButton(null, 403);
    await userEvent.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      ko.errorCode.CHAT_DIRECT_NOT_ALLOWED,
    );
  });
});
