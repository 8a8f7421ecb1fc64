import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildMe, buildTokens } from '@/testing/factories';
import { createFakeFetch, noContent, problem, type FakeHandler } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { DeleteAccountForm } from './delete-account-form';

const t = ko.account.deleteAccount;

function setup(handler: FakeHandler) {
  const fetch = createFakeFetch({ 'DELETE /api/users/me': handler });
  vi.stubGlobal('fetch', fetch);
  const user = userEvent.setup();
  renderWithProviders(<DeleteAccountForm />, { route: '/settings/account' });
  const password = () => screen.getByLabelText(ko.auth.fields.currentPassword);
  const open = () => user.click(screen.getByRole('button', { name: t.submit }));
  const confirm = () => user.click(screen.getByRole('button', { name: t.confirm }));
  return { confirm, fetch, open, password, user };
}

describe('DeleteAccountForm', () => {
  beforeEach(() => authSession.signIn(buildTokens()));

  it('asks for the password before confirming', async () => {
    const { fetch, open, password } = setup(noContent);
    await open();
    expect(password()).toHaveAccessibleDescription(
      `${t.passwordHint} ${ko.auth.validation.passwordRequired}`,
    );
    await waitFor(() => expect(password()).toHaveFocus());
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('confirms in a dialog that focuses the safe choice and can be cancelled', async () => {
    const { fetch, open, password, user } = setup(noContent);
    await user.type(password(), 'my password');
    await open();
    const dialog = screen.getByRole('alertdialog', { name: t.confirmTitle });
    expect(dialog).toHaveAccessibleDescription(t.confirmText);
    expect(screen.getByRole('button', { name: t.cancel })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: t.cancel }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('deletes with the chosen content policy and signs out', async () => {
    let body: unknown;
    const { confirm, open, password, user } = setup(async (request) => {
      body = await request.json();
      return noContent();
    });
    await user.click(screen.getByRole('radio', { name: new RegExp(t.policyRemove) }));
    await user.type(password(), 'my password');
    await open();
    await confirm();
    await waitFor(() => expect(authSession.getState().status).toBe('anonymous'));
    expect(body).toEqual({ contentPolicy: 'remove', password: 'my password' });
  });

  it('keeps the account and points at the password when it is wrong', async () => {
    const { confirm, open, password, user } = setup(() =>
      problem(400, 'AUTH_PASSWORD_INCORRECT', {
        errors: [{ field: 'password', code: 'incorrect', message: 'The password is incorrect.' }],
      }),
    );
    await user.type(password(), 'not my password');
    await open();
    await confirm();
    await waitFor(() =>
      expect(password()).toHaveAccessibleDescription(
        `${t.passwordHint} ${ko.errorCode.AUTH_PASSWORD_INCORRECT}`,
      ),
    );
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(authSession.getState().status).toBe('authenticated');
  });

  it('lets a social-only account leave without a password', async () => {
    authSession.signIn(buildTokens({ user: buildMe({ hasPassword: false }) }));
    let body: unknown;
    const { confirm, open } = setup(async (request) => {
      body = await request.json();
      return noContent();
    });
    expect(screen.queryByLabelText(ko.auth.fields.currentPassword)).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: new RegExp(t.policyAnonymize) })).toBeChecked();
    await open();
    await confirm();
    await waitFor(() => expect(body).toEqual({ contentPolicy: 'anonymize' }));
  });
});
