import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildMe, buildTokens } from '@/testing/factories';
import { createFakeFetch, noContent, problem, type FakeHandler } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { ChangePasswordForm } from './change-password-form';

function setup(handler: FakeHandler) {
  const fetch = createFakeFetch({ 'POST /api/auth/password/change': handler });
  vi.stubGlobal('fetch', fetch);
  const user = userEvent.setup();
  renderWithProviders(<ChangePasswordForm />);
  const current = () => screen.getByLabelText(ko.auth.fields.currentPassword);
  const next = () => screen.getByLabelText(ko.auth.fields.newPassword);
  const confirm = () => screen.getByLabelText(ko.auth.fields.confirmPassword);
  const fillAndSubmit = async (values: { current: string; next: string; confirm?: string }) => {
    if (values.current) await user.type(current(), values.current);
    if (values.next) await user.type(next(), values.next);
    if (values.confirm ?? values.next) await user.type(confirm(), values.confirm ?? values.next);
    await user.click(screen.getByRole('button', { name: ko.account.changePassword.submit }));
  };
  return { confirm, current, fetch, fillAndSubmit, next };
}

describe('ChangePasswordForm', () => {
  beforeEach(() => authSession.signIn(buildTokens()));

  it('validates every field before sending', async () => {
    const { current, fetch, fillAndSubmit, next } = setup(noContent);
    await fillAndSubmit({ current: '', next: 'short' });
    expect(current()).toHaveAccessibleDescription(ko.auth.validation.passwordRequired);
    expect(next()).toHaveAttribute('aria-invalid', 'true');
    expect(current()).toHaveFocus();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('puts a wrong current password next to its field', async () => {
    const { current, fillAndSubmit } = setup(() =>
      problem(400, 'AUTH_PASSWORD_INCORRECT', {
        errors: [
          { field: 'currentPassword', code: 'incorrect', message: 'The password is incorrect.' },
        ],
      }),
    );
    await fillAndSubmit({ current: 'not my password', next: 'a good new password' });
    await waitFor(() => expect(current()).toHaveAttribute('aria-invalid', 'true'));
    expect(current()).toHaveAccessibleDescription(ko.errorCode.AUTH_PASSWORD_INCORRECT);
    expect(current()).toHaveFocus();
  });

  it('changes the password, says other devices were logged out and clears the fields', async () => {
    let body: unknown;
    const { current, fillAndSubmit } = setup(async (request) => {
      body = await request.json();
      return noContent();
    });
    await fillAndSubmit({ current: 'my old password', next: 'a good new password' });
    expect(await screen.findByRole('status')).toHaveTextContent(ko.account.changePassword.done);
    expect(body).toEqual({
      currentPassword: 'my old password',
      newPassword: 'a good new password',
    });
    expect(current()).toHaveValue('');
  });

  it('sends a social-only account to the reset flow instead', () => {
    authSession.signIn(buildTokens({ user: buildMe({ hasPassword: false }) }));
    vi.stubGlobal('fetch', createFakeFetch({}));
    renderWithProviders(<ChangePasswordForm />);
    expect(screen.getByText(ko.account.changePassword.notSet)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: ko.account.changePassword.notSetAction }),
    ).toHaveAttribute('href', '/forgot-password');
    expect(screen.queryByLabelText(ko.auth.fields.currentPassword)).not.toBeInTheDocument();
  });
});
