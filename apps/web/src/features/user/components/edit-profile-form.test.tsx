import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildMe, buildTokens } from '@/testing/factories';
import { createFakeFetch, deferred, json, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { EditProfileForm } from './edit-profile-form';

const me = buildMe({
  about: '안녕하세요',
  links: [{ label: 'GitHub', url: 'https://github.com/jiwoo' }],
});

function setup(handler: Parameters<typeof createFakeFetch>[0][string]) {
  const fetch = createFakeFetch({ 'PATCH /api/users/me': handler });
  vi.stubGlobal('fetch', fetch);
  const user = userEvent.setup();
  renderWithProviders(<EditProfileForm me={me} />);
  const save = () => user.click(screen.getByRole('button', { name: ko.editProfile.save }));
  return { fetch, save, user };
}

describe('EditProfileForm', () => {
  beforeEach(() => authSession.signIn(buildTokens({ user: me })));

  it('starts from my current profile', () => {
    setup(() => json(200, me));
    expect(screen.getByLabelText(ko.editProfile.nickname)).toHaveValue('지우');
    expect(screen.getByLabelText(ko.editProfile.about)).toHaveValue('안녕하세요');
    expect(screen.getByLabelText('링크 1 이름')).toHaveValue('GitHub');
    expect(screen.getByLabelText('링크 1 주소')).toHaveValue('https://github.com/jiwoo');
  });

  it('checks fields before sending and focuses the first problem', async () => {
    const { fetch, save, user } = setup(() => json(200, me));
    const nickname = screen.getByLabelText(ko.editProfile.nickname);
    await user.clear(nickname);
    await user.type(nickname, '가');
    await user.click(screen.getByRole('button', { name: ko.editProfile.addLink }));
    await user.type(screen.getByLabelText('링크 2 이름'), 'Evil');
    await user.type(screen.getByLabelText('링크 2 주소'), 'javascript:alert(1)');
    await save();

    expect(nickname).toHaveAttribute('aria-invalid', 'true');
    expect(nickname).toHaveAccessibleDescription(
      `${ko.editProfile.nicknameHint} 닉네임은 2자 이상 20자 이하로 입력하세요.`,
    );
    expect(screen.getByLabelText('링크 2 주소')).toHaveAccessibleDescription(
      ko.editProfile.validation.linkUrlInvalid,
    );
    await waitFor(() => expect(nickname).toHaveFocus());
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses characters the server would refuse', async () => {
    const { fetch, save, user } = setup(() => json(200, me));
    const nickname = screen.getByLabelText(ko.editProfile.nickname);
    await user.clear(nickname);
    await user.type(nickname, '<script>');
    await save();
    expect(nickname).toHaveAccessibleDescription(
      `${ko.editProfile.nicknameHint} ${ko.editProfile.validation.nicknameChars}`,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends trimmed values without blank link rows and updates the signed-in user', async () => {
    let body: unknown;
    const saved = buildMe({
      nickname: '새지우',
      about: '반가워요',
      links: [{ label: 'Blog', url: 'https://blog.example' }],
    });
    const { save, user } = setup(async (request) => {
      body = await request.json();
      return json(200, saved);
    });
    const nickname = screen.getByLabelText(ko.editProfile.nickname);
    await user.clear(nickname);
    await user.type(nickname, '  새지우 ');
    const about = screen.getByLabelText(ko.editProfile.about);
    await user.clear(about);
    await user.type(about, '반가워요');
    await user.click(screen.getByRole('button', { name: '링크 1 삭제' }));
    await user.click(screen.getByRole('button', { name: ko.editProfile.addLink }));
    await user.type(screen.getByLabelText('링크 1 이름'), ' Blog ');
    await user.type(screen.getByLabelText('링크 1 주소'), 'https://blog.example');
    await user.click(screen.getByRole('button', { name: ko.editProfile.addLink }));
    await save();

    expect(await screen.findByRole('status')).toHaveTextContent(ko.editProfile.saved);
    expect(body).toEqual({
      nickname: '새지우',
      about: '반가워요',
      links: [{ label: 'Blog', url: 'https://blog.example' }],
    });
    const state = authSession.getState();
    expect(state.status === 'authenticated' && state.user.nickname).toBe('새지우');
    expect(screen.getByRole('link', { name: ko.editProfile.viewProfile })).toHaveAttribute(
      'href',
      '/users/1',
    );
  });

  it('puts a taken nickname next to the field', async () => {
    const { save, user } = setup(() => problem(409, 'USER_NICKNAME_TAKEN'));
    const nickname = screen.getByLabelText(ko.editProfile.nickname);
    await user.clear(nickname);
    await user.type(nickname, '인기닉네임');
    await save();
    await waitFor(() =>
      expect(nickname).toHaveAccessibleDescription(
        `${ko.editProfile.nicknameHint} ${ko.errorCode.USER_NICKNAME_TAKEN}`,
      ),
    );
    await waitFor(() => expect(nickname).toHaveFocus());
  });

  it('maps server field errors on links back to the row on screen', async () => {
    const { save, user } = setup(() =>
      problem(400, 'COMMON_VALIDATION_FAILED', {
        errors: [
          { field: 'links.0.url', code: 'isUrl', message: 'url must be an http or https URL' },
        ],
      }),
    );
    // Row 1 is left blank, so the API's links[0] is row 2 on screen.
    await user.clear(screen.getByLabelText('링크 1 이름'));
    await user.clear(screen.getByLabelText('링크 1 주소'));
    await user.click(screen.getByRole('button', { name: ko.editProfile.addLink }));
    await user.type(screen.getByLabelText('링크 2 이름'), 'Site');
    await user.type(screen.getByLabelText('링크 2 주소'), 'https://site.example');
    await save();
    await waitFor(() =>
      expect(screen.getByLabelText('링크 2 주소')).toHaveAccessibleDescription(
        'url must be an http or https URL',
      ),
    );
  });

  it('shows a form-level error for other failures and disables saving while pending', async () => {
    const response = deferred<Response>();
    const { save } = setup(() => response.promise);
    await save();
    expect(screen.getByRole('button', { name: ko.editProfile.saving })).toBeDisabled();
    response.resolve(problem(500, 'COMMON_INTERNAL'));
    expect(await screen.findByText(ko.errorCode.COMMON_INTERNAL)).toBeInTheDocument();
  });

  it('stops adding links at five', async () => {
    const { user } = setup(() => json(200, me));
    for (let i = 0; i < 4; i++)
      await user.click(screen.getByRole('button', { name: ko.editProfile.addLink }));
    expect(screen.getByLabelText('링크 5 이름')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: ko.editProfile.addLink })).not.toBeInTheDocument();
  });
});
