import { screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { createFakeFetch, noContent, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { VerifyEmailRoute } from './verify-email';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

describe('VerifyEmailRoute', () => {
  beforeEach(() => authSession.signOut());

  it('takes the token out of the address bar and verifies through the link', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      createFakeFetch({
        'GET /api/dev/outbox': () => problem(404, 'COMMON_NOT_FOUND'),
        'POST /api/auth/email/verify-link': async (request) => {
          bodies.push(await request.json());
          return noContent();
        },
      }),
    );
    renderWithProviders(
      <Routes>
        <Route
          path="/verify-email"
          element={
            <>
              <VerifyEmailRoute />
              <Where />
            </>
          }
        />
      </Routes>,
      { route: '/verify-email?token=link-token' },
    );
    expect(await screen.findByText(ko.auth.verifyEmail.linkVerified)).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/verify-email$/);
    expect(bodies).toEqual([{ token: 'link-token' }]);
  });

  it('asks an anonymous visitor without a link to log in first', () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch({ 'GET /api/dev/outbox': () => problem(404, 'COMMON_NOT_FOUND') }),
    );
    renderWithProviders(<VerifyEmailRoute />, { route: '/verify-email' });
    expect(screen.getByText(ko.auth.verifyEmail.loginToUseCode)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: ko.auth.login.submit })).toHaveAttribute(
      'href',
      '/login?next=%2Fverify-email',
    );
  });
});
