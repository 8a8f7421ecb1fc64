import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { createFakeFetch, json, problem, type FakeHandler } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { ForgotPasswordForm } from './forgot-password-form';

function setup(handler: FakeHandler) {
  const fetch = createFakeFetch({ 'POST /api/auth/password/forgot': handler });
  vi.stubGlobal('fetch', fetch);
  const user = userEvent.setup();
  renderWithProviders(<ForgotPasswordForm />);
  const email = () => screen.getByLabelText(ko.auth.fields.email);
  const submit = () => user.click(screen.getByRole('button', { name: ko.auth.forgot.submit }));
  return { email, fetch, submit, user };
}

const accepted = () => json(202, { message: 'If an account uses this address, …' });

describe('ForgotPasswordForm', () => {
  it('checks the address before sending', async () => {
    const { email, fetch, submit, user } = setup(accepted);
    await user.type(email(), 'nope');
    await submit();
    expect(email()).toHaveAccessibleDescription(ko.auth.validation.emailInvalid);
    expect(email()).toHaveFocus();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the trimmed address and shows the same message whatever the answer means', async () => {
    let body: unknown;
    const { email, submit, user } = setup(async (request) => {
      body = await request.json();
      return accepted();
    });
    await user.type(email(), ' jiwoo@example.com ');
    await submit();
    expect(await screen.findByRole('status')).toHaveTextContent(ko.auth.forgot.sent);
    expect(body).toEqual({ email: 'jiwoo@example.com' });
    expect(screen.queryByLabelText(ko.auth.fields.email)).not.toBeInTheDocument();
  });

  it('tells how long to wait when the address is rate limited', async () => {
    const { email, submit, user } = setup(() =>
      problem(429, 'COMMON_RATE_LIMITED', { headers: { 'Retry-After': '120' } }),
    );
    await user.type(email(), 'jiwoo@example.com');
    await submit();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(ko.errorCode.COMMON_RATE_LIMITED);
    expect(alert).toHaveTextContent('120초 후에 다시 시도하세요.');
  });

  it('speaks English when chosen', () => {
    vi.stubGlobal('fetch', createFakeFetch({}));
    renderWithProviders(<ForgotPasswordForm />, { language: 'en' });
    expect(screen.getByRole('button', { name: 'Send reset link' })).toBeInTheDocument();
  });
});
