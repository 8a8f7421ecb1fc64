import { configure, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildTokens } from '@/testing/factories';
import { createFakeFetch, json, problem, type FakeHandler } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { OAuthCallback } from './oauth-callback';

// Like the app (main.tsx): effects run twice on mount, and the code must still be spent once.
configure({ reactStrictMode: true });

function Where() {
  const location = useLocation();
  return <span data-testid="where">{location.pathname + location.search + location.hash}</span>;
}

function setup(route: string, handler: FakeHandler) {
  const fetch = createFakeFetch({ 'POST /api/auth/oauth/exchange': handler });
  vi.stubGlobal('fetch', fetch);
  renderWithProviders(
    <>
      <Routes>
        <Route path="/auth/callback" element={<OAuthCallback />} />
        <Route path="/" element={<h1>feed</h1>} />
        <Route path="/login" element={<h1>login</h1>} />
      </Routes>
      <Where />
    </>,
    { route },
  );
  return { fetch };
}

const CODE = 'one-time-code-from-the-fragment-0123456789a';

describe('OAuthCallback', () => {
  beforeEach(() => authSession.signOut());

  it('exchanges the code once, stores the session and goes to the feed', async () => {
    const bodies: unknown[] = [];
    const { fetch } = setup(`/auth/callback#code=${CODE}`, async (request) => {
      bodies.push(await request.json());
      expect(request.credentials).toBe('include');
      return json(200, buildTokens({ accessToken: 'social' }));
    });

    expect(await screen.findByRole('heading', { name: 'feed' })).toBeInTheDocument();
    expect(authSession.getAccessToken()).toBe('social');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(bodies).toEqual([{ code: CODE, useCookie: true }]);
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/);
  });

  it('removes the code from the address while it works', async () => {
    let release!: () => void;
    setup(
      `/auth/callback#code=${CODE}`,
      () => new Promise<Response>((resolve) => (release = () => resolve(json(200, buildTokens())))),
    );

    expect(await screen.findByRole('status')).toHaveTextContent(ko.auth.oauth.pending);
    await waitFor(() =>
      expect(screen.getByTestId('where')).toHaveTextContent(/^\/auth\/callback$/),
    );
    release();
    expect(await screen.findByRole('heading', { name: 'feed' })).toBeInTheDocument();
  });

  it('explains a refused code and offers the way back to login', async () => {
    setup(`/auth/callback#code=${CODE}`, () => problem(401, 'AUTH_OAUTH_CODE_INVALID'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      ko.errorCode.AUTH_OAUTH_CODE_INVALID,
    );
    expect(screen.getByRole('link', { name: ko.auth.oauth.backToLogin })).toHaveAttribute(
      'href',
      '/login',
    );
    expect(authSession.getState().status).toBe('anonymous');
  });

  it('does not call the server without a code', async () => {
    const { fetch } = setup('/auth/callback', () => json(200, buildTokens()));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      ko.errorCode.AUTH_OAUTH_CODE_INVALID,
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});
