import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildMe, buildTokens } from '@/testing/factories';
import { createFakeFetch, json, problem, type FakeHandler } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { EmailVerificationBanner } from './email-verification-banner';
import { VerifyEmailForm } from './verify-email-form';

function setup(handlers: Record<string, FakeHandler>) {
  const fetch = createFakeFetch(handlers);
  vi.stubGlobal('fetch', fetch);
  const user = userEvent.setup();
  renderWithProviders(<VerifyEmailForm />);
  const code = () => screen.getByLabelText(ko.auth.fields.code);
  const submit = () => user.click(screen.getByRole('button', { name: ko.auth.verifyEmail.submit }));
  return { code, fetch, submit, user };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('VerifyEmailForm', () => {
  beforeEach(() => authSession.signIn(buildTokens({ user: buildMe({ emailVerified: false }) })));

  it('accepts only six digits and checks them before sending', async () => {
    const { code, fetch, submit, user } = setup({});
    await user.type(code(), '12a3');
    expect(code()).toHaveValue('123');
    await submit();
    expect(code()).toHaveAttribute('aria-invalid', 'true');
    expect(code()).toHaveAccessibleDescription(
      `${ko.auth.fields.codeHint} ${ko.auth.validation.codeFormat}`,
    );
    expect(code()).toHaveFocus();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the code and marks the signed-in user verified', async () => {
    let body: unknown;
    const { code, submit, user } = setup({
      'POST /api/auth/email/verify': async (request) => {
        body = await request.json();
        return json(200, buildMe({ emailVerified: true }));
      },
    });
    await user.type(code(), '042917');
    await submit();
    await waitFor(() =>
      expect(authSession.getState()).toMatchObject({ user: { emailVerified: true } }),
    );
    expect(body).toEqual({ code: '042917' });
  });

  it('shows a wrong code next to the input, translated', async () => {
    const { code, submit, user } = setup({
      'POST /api/auth/email/verify': () =>
        problem(400, 'AUTH_EMAIL_CODE_INVALID', {
          errors: [
            { field: 'code', code: 'incorrect', message: 'The code is incorrect (4 left).' },
          ],
        }),
    });
    await user.type(code(), '111111');
    await submit();
    await waitFor(() => expect(code()).toHaveAttribute('aria-invalid', 'true'));
    expect(code()).toHaveAccessibleDescription(
      `${ko.auth.fields.codeHint} ${ko.errorCode.AUTH_EMAIL_CODE_INVALID}`,
    );
    expect(authSession.getState()).toMatchObject({ user: { emailVerified: false } });
  });

  it('explains a locked code in an alert', async () => {
    const { code, submit, user } = setup({
      'POST /api/auth/email/verify': () => problem(400, 'AUTH_EMAIL_CODE_LOCKED'),
    });
    await user.type(code(), '111111');
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.errorCode.AUTH_EMAIL_CODE_LOCKED);
  });

  it('resends a code and waits out the cooldown', async () => {
    // The countdown reads the clock each second: held still, a stall cannot turn 60 into 59.
    vi.useFakeTimers({ toFake: ['Date'] });
    const { user } = setup({
      'POST /api/auth/email/resend': () => json(202, { cooldownSec: 60 }),
    });
    await user.click(screen.getByRole('button', { name: ko.auth.verifyEmail.resend }));
    expect(await screen.findByRole('status')).toHaveTextContent(ko.auth.verifyEmail.resent);
    const waiting = screen.getByRole('button', { name: /초 후에 다시 받을 수 있습니다/ });
    expect(waiting).toBeDisabled();
    expect(waiting).toHaveTextContent('60초');
  });

  it('uses Retry-After when the server throttles a resend', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { user } = setup({
      'POST /api/auth/email/resend': () =>
        problem(429, 'COMMON_RATE_LIMITED', { headers: { 'Retry-After': '42' } }),
    });
    await user.click(screen.getByRole('button', { name: ko.auth.verifyEmail.resend }));
    expect(await screen.findByRole('alert')).toHaveTextContent('42초 후에 다시 시도하세요.');
    expect(screen.getByRole('button', { name: /42초/ })).toBeDisabled();
  });
});

describe('EmailVerificationBanner', () => {
  it('asks an unverified user to verify, and only them', () => {
    authSession.signIn(buildTokens({ user: buildMe({ emailVerified: false }) }));
    const { unmount } = renderWithProviders(<EmailVerificationBanner />);
    expect(screen.getByText(ko.auth.verifyEmail.banner)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: ko.auth.verifyEmail.bannerAction })).toHaveAttribute(
      'href',
      '/verify-email',
    );
    unmount();

    authSession.signIn(buildTokens({ user: buildMe({ emailVerified: true }) }));
    renderWithProviders(<EmailVerificationBanner />);
    expect(screen.queryByText(ko.auth.verifyEmail.banner)).not.toBeInTheDocument();
  });
});
