import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildMe, buildTokens } from '@/testing/factories';
import { createFakeFetch, json, noContent, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { EmailSettings } from './email-settings';

const pending = { newEmail: 'new@example.com', expiresAt: '2030-01-01T00:00:00.000Z' };

function setup() {
  let waiting: typeof pending | null = null;
  const bodies: unknown[] = [];
  const fetch = createFakeFetch({
    'GET /api/auth/methods': () =>
      json(200, {
        password: true,
        providers: [{ provider: 'google', linkedAt: '2025-01-02T03:04:05.000Z' }],
        pendingEmailChange: waiting,
      }),
    'POST /api/auth/email/change': async (request) => {
      const body = (await request.json()) as { newEmail: string; password?: string };
      bodies.push(body);
      if (body.password !== 'right password')
        return problem(400, 'AUTH_PASSWORD_INCORRECT', {
          errors: [{ field: 'password', code: 'incorrect', message: 'The password is incorrect.' }],
        });
      waiting = pending;
      return json(202, pending);
    },
    'POST /api/auth/email/change/confirm': async (request) => {
      const { code } = (await request.json()) as { code: string };
      if (code !== '123456') return problem(400, 'AUTH_EMAIL_CODE_INVALID');
      waiting = null;
      return json(200, buildMe({ email: pending.newEmail }));
    },
    'DELETE /api/auth/email/change': () => {
      waiting = null;
      return noContent();
    },
  });
  vi.stubGlobal('fetch', fetch);
  renderWithProviders(<EmailSettings />);
  return { bodies, user: userEvent.setup() };
}

describe('EmailSettings', () => {
  beforeEach(() => authSession.signIn(buildTokens()));

  it('shows the email, whether it is verified, and every sign-in method', async () => {
    setup();
    expect(screen.getByText('jiwoo@example.com')).toBeInTheDocument();
    expect(screen.getByText(ko.account.email.verified)).toBeInTheDocument();
    expect(await screen.findByText(ko.account.methods.password)).toBeInTheDocument();
    expect(screen.getByText(/^Google \(/)).toBeInTheDocument();
  });

  it('changes the email: password first, then the code sent to the new address', async () => {
    const { bodies, user } = setup();
    await user.click(screen.getByRole('button', { name: ko.account.email.change }));
    await user.type(screen.getByLabelText(ko.account.email.new), ' new@example.com ');
    await user.type(screen.getByLabelText(ko.auth.fields.currentPassword), 'wrong');
    await user.click(screen.getByRole('button', { name: ko.account.email.send }));
    await waitFor(() =>
      expect(screen.getByLabelText(ko.auth.fields.currentPassword)).toHaveAccessibleDescription(
        ko.errorCode.AUTH_PASSWORD_INCORRECT,
      ),
    );

    await user.clear(screen.getByLabelText(ko.auth.fields.currentPassword));
    await user.type(screen.getByLabelText(ko.auth.fields.currentPassword), 'right password');
    await user.click(screen.getByRole('button', { name: ko.account.email.send }));
    expect(bodies.at(-1)).toEqual({ newEmail: 'new@example.com', password: 'right password' });
    expect(
      await screen.findByText(ko.account.email.codeSent.replace('{email}', pending.newEmail)),
    ).toBeInTheDocument();

    await user.type(screen.getByLabelText(ko.auth.fields.code), '123456');
    await user.click(screen.getByRole('button', { name: ko.account.email.confirm }));
    expect(await screen.findByText(ko.account.email.changed)).toBeInTheDocument();
    const state = authSession.getState();
    expect(state.status === 'authenticated' && state.user.email).toBe(pending.newEmail);
  });
});
