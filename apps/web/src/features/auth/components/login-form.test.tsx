import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildTokens } from '@/testing/factories';
import { createFakeFetch, deferred, json, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { LoginForm } from './login-form';

function setup(handler: Parameters<typeof createFakeFetch>[0][string]) {
  const fetch = createFakeFetch({ 'POST /api/auth/login': handler });
  vi.stubGlobal('fetch', fetch);
  const user = userEvent.setup();
  renderWithProviders(<LoginForm />);
  const fill = async (email: string, password: string) => {
    if (email) await user.type(screen.getByLabelText(ko.auth.fields.email), email);
    if (password) await user.type(screen.getByLabelText(ko.auth.fields.password), password);
  };
  const submit = () => user.click(screen.getByRole('button', { name: ko.auth.login.submit }));
  return { fetch, fill, submit, user };
}

describe('LoginForm', () => {
  beforeEach(() => authSession.signOut());

  it('validates before sending and focuses the first invalid field', async () => {
    const { fetch, submit } = setup(() => json(200, buildTokens()));

    await submit();

    const email = screen.getByLabelText(ko.auth.fields.email);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(ko.auth.validation.emailRequired);
    expect(screen.getByLabelText(ko.auth.fields.password)).toHaveAccessibleDescription(
      ko.auth.validation.passwordRequired,
    );
    expect(email).toHaveFocus();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects a malformed email address', async () => {
    const { fetch, fill, submit } = setup(() => json(200, buildTokens()));
    await fill('not-an-email', 'secret-password');
    await submit();
    expect(screen.getByLabelText(ko.auth.fields.email)).toHaveAccessibleDescription(
      ko.auth.validation.emailInvalid,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('logs in with the refresh cookie and stores the session', async () => {
    let body: unknown;
    const { fill, submit } = setup(async (request) => {
      body = await request.json();
      return json(200, buildTokens({ accessToken: 'fresh' }));
    });

    await fill(' jiwoo@example.com ', 'secret-password');
    await submit();

    await waitFor(() => expect(authSession.getAccessToken()).toBe('fresh'));
    expect(body).toEqual({
      email: 'jiwoo@example.com',
      password: 'secret-password',
      useCookie: true,
    });
  });

  it('maps the error code to a translated message in an alert', async () => {
    const { fill, submit } = setup(() =>
      problem(401, 'AUTH_CREDENTIALS_INVALID', { message: 'Invalid email or password.' }),
    );
    await fill('jiwoo@example.com', 'wrong-password');
    await submit();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      ko.errorCode.AUTH_CREDENTIALS_INVALID,
    );
    expect(authSession.getState().status).toBe('anonymous');
  });

  it('tells how long to wait when rate limited', async () => {
    const { fill, submit } = setup(() =>
      problem(429, 'COMMON_RATE_LIMITED', { headers: { 'Retry-After': '30' } }),
    );
    await fill('jiwoo@example.com', 'secret-password');
    await submit();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(ko.errorCode.COMMON_RATE_LIMITED);
    expect(alert).toHaveTextContent('30초 후에 다시 시도하세요.');
  });

  it('disables the submit button while the request is pending', async () => {
    const response = deferred<Response>();
    const { fill, submit } = setup(() => response.promise);
    await fill('jiwoo@example.com', 'secret-password');
    await submit();

    const pending = await screen.findByRole('button', { name: ko.auth.login.pending });
    expect(pending).toBeDisabled();

    response.resolve(json(200, buildTokens()));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: ko.auth.login.submit })).toBeEnabled(),
    );
  });

  it('speaks English when chosen', () => {
    vi.stubGlobal('fetch', createFakeFetch({}));
    renderWithProviders(<LoginForm />, { language: 'en' });
    expect(screen.getByLabelText('Email')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
  });
});
