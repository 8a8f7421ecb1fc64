import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildTokens } from '@/testing/factories';
import { createFakeFetch, noContent, problem, type FakeHandler } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { ResetPasswordForm } from './reset-password-form';

function setup(handler: FakeHandler) {
  const fetch = createFakeFetch({ 'POST /api/auth/password/reset': handler });
  vi.stubGlobal('fetch', fetch);
  const user = userEvent.setup();
  renderWithProviders(<ResetPasswordForm token="reset-token" />);
  const password = () => screen.getByLabelText(ko.auth.fields.newPassword);
  const confirm = () => screen.getByLabelText(ko.auth.fields.confirmPassword);
  const fillAndSubmit = async (first: string, second = first) => {
    await user.type(password(), first);
    await user.type(confirm(), second);
    await user.click(screen.getByRole('button', { name: ko.auth.reset.submit }));
  };
  return { confirm, fetch, fillAndSubmit, password };
}

describe('ResetPasswordForm', () => {
  beforeEach(() => authSession.signIn(buildTokens()));

  it('needs the same new password twice', async () => {
    const { confirm, fetch, fillAndSubmit } = setup(noContent);
    await fillAndSubmit('a good new password', 'a different one');
    expect(confirm()).toHaveAccessibleDescription(ko.auth.validation.passwordMismatch);
    expect(confirm()).toHaveFocus();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sets the password with the token, then sends the user to log in', async () => {
    let body: unknown;
    const { fillAndSubmit } = setup(async (request) => {
      body = await request.json();
      return noContent();
    });
    await fillAndSubmit('a good new password');
    expect(await screen.findByRole('status')).toHaveTextContent(ko.auth.reset.done);
    expect(screen.getByRole('link', { name: ko.auth.reset.toLogin })).toHaveAttribute(
      'href',
      '/login',
    );
    expect(body).toEqual({ token: 'reset-token', newPassword: 'a good new password' });
    // The server ended every session, this one included.
    expect(authSession.getState().status).toBe('anonymous');
  });

  it('offers a new link when this one is dead', async () => {
    const { fillAndSubmit } = setup(() => problem(400, 'AUTH_RESET_TOKEN_INVALID'));
    await fillAndSubmit('a good new password');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(ko.errorCode.AUTH_RESET_TOKEN_INVALID);
    expect(screen.getByRole('link', { name: ko.auth.reset.requestNew })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('puts a too-common password next to the field', async () => {
    const { fillAndSubmit, password } = setup(() =>
      problem(400, 'AUTH_PASSWORD_TOO_COMMON', {
        errors: [
          { field: 'newPassword', code: 'tooCommon', message: 'This password is too common.' },
        ],
      }),
    );
    await fillAndSubmit('baseball1');
    await waitFor(() => expect(password()).toHaveAttribute('aria-invalid', 'true'));
    expect(password()).toHaveAccessibleDescription(
      `${ko.auth.fields.passwordHint} ${ko.errorCode.AUTH_PASSWORD_TOO_COMMON}`,
    );
  });
});
