import { screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildMe, buildTokens } from '@/testing/factories';
import { createFakeFetch, json, noContent, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { VerifyEmailLink } from './verify-email-link';

describe('VerifyEmailLink', () => {
  beforeEach(() => authSession.signOut());

  it('spends the token once, even under StrictMode, and refreshes a signed-in user', async () => {
    authSession.signIn(buildTokens({ user: buildMe({ emailVerified: false }) }));
    const bodies: unknown[] = [];
    const fetch = createFakeFetch({
      'POST /api/auth/email/verify-link': async (request) => {
        bodies.push(await request.json());
        return noContent();
      },
      'GET /api/users/me': () => json(200, buildMe({ emailVerified: true })),
    });
    vi.stubGlobal('fetch', fetch);
    const onVerified = vi.fn();
    renderWithProviders(
      <StrictMode>
        <VerifyEmailLink token="tok-1" onVerified={onVerified} />
      </StrictMode>,
    );
    expect(screen.getByRole('status')).toHaveTextContent(ko.auth.verifyEmail.linkChecking);
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
    expect(bodies).toEqual([{ token: 'tok-1' }]);
    expect(authSession.getState()).toMatchObject({ user: { emailVerified: true } });
  });

  it('explains a dead link', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch({
        'POST /api/auth/email/verify-link': () => problem(400, 'AUTH_EMAIL_LINK_INVALID'),
      }),
    );
    const onVerified = vi.fn();
    renderWithProviders(<VerifyEmailLink token="old" onVerified={onVerified} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      ko.errorCode.AUTH_EMAIL_LINK_INVALID,
    );
    expect(onVerified).not.toHaveBeenCalled();
  });
});
