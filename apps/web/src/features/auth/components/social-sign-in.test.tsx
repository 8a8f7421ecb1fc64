import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { createFakeFetch, json } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { SocialSignIn } from './social-sign-in';

function setup(providers: { github: boolean; google: boolean }, language?: 'en' | 'ko') {
  const fetch = createFakeFetch({ 'GET /api/auth/providers': () => json(200, providers) });
  vi.stubGlobal('fetch', fetch);
  const view = renderWithProviders(<SocialSignIn />, { language });
  return { fetch, ...view };
}

describe('SocialSignIn', () => {
  it('links to the server-side start of each configured provider', async () => {
    setup({ github: true, google: true });

    const github = await screen.findByRole('link', { name: ko.auth.oauth.continueWithGithub });
    expect(github).toHaveAttribute('href', '/api/auth/oauth/github/start');
    expect(screen.getByRole('link', { name: ko.auth.oauth.continueWithGoogle })).toHaveAttribute(
      'href',
      '/api/auth/oauth/google/start',
    );
    expect(screen.getByRole('group', { name: ko.auth.oauth.label })).toBeInTheDocument();
  });

  it('hides a provider the server has not configured', async () => {
    setup({ github: true, google: false });

    expect(
      await screen.findByRole('link', { name: ko.auth.oauth.continueWithGithub }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: ko.auth.oauth.continueWithGoogle }),
    ).not.toBeInTheDocument();
  });

  it('shows nothing at all when no provider is configured', async () => {
    const { fetch, container } = setup({ github: false, google: false });

    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(container).toBeEmptyDOMElement();
  });

  it('shows nothing while the answer is unknown or failed', async () => {
    const fetch = createFakeFetch({
      'GET /api/auth/providers': () => json(500, { code: 'COMMON_INTERNAL' }),
    });
    vi.stubGlobal('fetch', fetch);
    const { container } = renderWithProviders(<SocialSignIn />);
    expect(container).toBeEmptyDOMElement();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(container).toBeEmptyDOMElement();
  });

  it('speaks English when chosen', async () => {
    setup({ github: true, google: true }, 'en');
    expect(await screen.findByRole('link', { name: 'Continue with GitHub' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue with Google' })).toBeInTheDocument();
  });
});
