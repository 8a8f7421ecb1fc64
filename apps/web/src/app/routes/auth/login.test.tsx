import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { createFakeFetch, json } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { LoginRoute } from './login';

function setup(route: string, language?: 'en' | 'ko') {
  vi.stubGlobal(
    'fetch',
    createFakeFetch({ 'GET /api/auth/providers': () => json(200, { github: true, google: true }) }),
  );
  renderWithProviders(<LoginRoute />, { route, language });
}

describe('LoginRoute', () => {
  beforeEach(() => authSession.signOut());

  it('offers the configured social sign-ins under the form', async () => {
    setup('/login');
    expect(
      await screen.findByRole('link', { name: ko.auth.oauth.continueWithGithub }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: ko.auth.oauth.continueWithGoogle }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: ko.auth.login.submit })).toBeInTheDocument();
  });

  it('explains why a social sign-in came back with an error', async () => {
    setup('/login?error=AUTH_OAUTH_LINK_REQUIRES_VERIFIED');
    const alerts = await screen.findAllByRole('alert');
    expect(
      alerts.some((a) => a.textContent === ko.errorCode.AUTH_OAUTH_LINK_REQUIRES_VERIFIED),
    ).toBe(true);
  });

  it('translates the error into English too', async () => {
    setup('/login?error=AUTH_OAUTH_DENIED', 'en');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.some((a) => a.textContent === 'You cancelled the sign-in.')).toBe(true);
  });

  it('falls back to a generic message for an unknown code, never echoing it', async () => {
    setup('/login?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.some((a) => a.textContent === ko.auth.oauth.failed)).toBe(true);
    expect(document.body.textContent).not.toContain('<script>');
  });

  it('shows no error without one', async () => {
    setup('/login');
    await screen.findByRole('link', { name: ko.auth.oauth.continueWithGithub });
    for (const alert of screen.queryAllByRole('alert')) expect(alert).toBeEmptyDOMElement();
  });
});
