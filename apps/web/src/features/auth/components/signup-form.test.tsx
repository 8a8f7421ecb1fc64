import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildTokens } from '@/testing/factories';
import { createFakeFetch, json, problem, type FakeHandler } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { SignupForm } from './signup-form';

function setup(handler: FakeHandler) {
  const fetch = createFakeFetch({ 'POST /api/auth/signup': handler });
  vi.stubGlobal('fetch', fetch);
  const user = userEvent.setup();
  renderWithProviders(<SignupForm />);
  const email = () => screen.getByLabelText(ko.auth.fields.email);
  const password = () => screen.getByLabelText(ko.auth.fields.password);
  const nickname = () => screen.getByLabelText(ko.auth.fields.nickname);
  const fillAndSubmit = async (values: { email: string; password: string; nickname?: string }) => {
    await user.type(email(), values.email);
    await user.type(password(), values.password);
    if (values.nickname) await user.type(nickname(), values.nickname);
    await user.click(screen.getByRole('button', { name: ko.auth.signup.submit }));
  };
  return { email, fetch, fillAndSubmit, nickname, password, user };
}

describe('SignupForm', () => {
  beforeEach(() => authSession.signOut());

  it('checks the password length before sending', async () => {
    const { fetch, fillAndSubmit, password } = setup(() => json(201, buildTokens()));

    await fillAndSubmit({ email: 'new@example.com', password: 'short' });

    expect(password()).toHaveAttribute('aria-invalid', 'true');
    expect(password()).toHaveAccessibleDescription(
      `${ko.auth.fields.passwordHint} 비밀번호는 8자 이상 256자 이하로 입력하세요.`,
    );
    expect(password()).toHaveFocus();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('signs up with the refresh cookie and leaves out an empty nickname', async () => {
    let body: unknown;
    const { fillAndSubmit } = setup(async (request) => {
      body = await request.json();
      return json(201, buildTokens({ accessToken: 'welcome' }));
    });

    await fillAndSubmit({ email: 'new@example.com', password: 'correct horse battery' });

    await waitFor(() => expect(authSession.getAccessToken()).toBe('welcome'));
    expect(body).toEqual({
      email: 'new@example.com',
      password: 'correct horse battery',
      useCookie: true,
    });
  });

  it('shows a taken email next to the email field', async () => {
    const { email, fillAndSubmit } = setup(() =>
      problem(409, 'AUTH_EMAIL_TAKEN', { message: 'Email already registered.' }),
    );

    await fillAndSubmit({ email: 'taken@example.com', password: 'correct horse battery' });

    await waitFor(() => expect(email()).toHaveAccessibleDescription(ko.errorCode.AUTH_EMAIL_TAKEN));
    expect(email()).toHaveFocus();
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('shows a too common password next to the password field', async () => {
    const { fillAndSubmit, password } = setup(() => problem(400, 'AUTH_PASSWORD_TOO_COMMON'));

    await fillAndSubmit({ email: 'new@example.com', password: 'password1' });

    await waitFor(() =>
      expect(password()).toHaveAccessibleDescription(
        `${ko.auth.fields.passwordHint} ${ko.errorCode.AUTH_PASSWORD_TOO_COMMON}`,
      ),
    );
  });

  it('maps errors[] to fields, translating known rules and keeping the server message otherwise', async () => {
    const { email, fillAndSubmit, nickname } = setup(() =>
      problem(400, 'COMMON_VALIDATION_FAILED', {
        errors: [
          { field: 'email', code: 'isEmail', message: 'email must be an email' },
          { field: 'nickname', code: 'isLength', message: 'nickname is too long for the server' },
        ],
      }),
    );

    await fillAndSubmit({
      email: 'odd@example.com',
      password: 'correct horse battery',
      nickname: 'nick',
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      ko.errorCode.COMMON_VALIDATION_FAILED,
    );
    expect(email()).toHaveAccessibleDescription(ko.auth.validation.emailInvalid);
    expect(nickname()).toHaveAccessibleDescription(
      `${ko.auth.fields.nicknameHint} nickname is too long for the server`,
    );
  });

  it('explains a nickname the server refuses for its characters, as profile edit does', async () => {
    const { fillAndSubmit, nickname } = setup(() =>
      problem(400, 'COMMON_VALIDATION_FAILED', {
        errors: [{ field: 'nickname', code: 'matches', message: 'nickname may hold letters' }],
      }),
    );

    await fillAndSubmit({
      email: 'odd@example.com',
      password: 'correct horse battery',
      nickname: '<b>',
    });

    await waitFor(() =>
      expect(nickname()).toHaveAccessibleDescription(
        `${ko.auth.fields.nicknameHint} ${ko.editProfile.validation.nicknameChars}`,
      ),
    );
  });

  it('falls back to the server message for an unknown code', async () => {
    const { fillAndSubmit } = setup(() =>
      problem(400, 'SOMETHING_NEW', { message: 'The server has a new rule.' }),
    );

    await fillAndSubmit({ email: 'new@example.com', password: 'correct horse battery' });

    expect(await screen.findByRole('alert')).toHaveTextContent('The server has a new rule.');
  });
});
