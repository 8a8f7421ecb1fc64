import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import type { Me } from '@/lib/api-types';
import { buildMe, buildTokens } from '@/testing/factories';
import { createFakeFetch, json } from '@/testing/fake-fetch';
import { FakeXhr, problemBody } from '@/testing/fake-xhr';
import { renderWithProviders } from '@/testing/render';
import { AvatarUploader } from './avatar-uploader';

const KEY = '6f1c1d9e-8a7b-4c3d-9e2f-0a1b2c3d4e5f';
const png = (size = 2048) => new File([new Uint8Array(size)], 'me.png', { type: 'image/png' });

/** A server that remembers the avatar, so refetches after a change see it. */
function setup(initial: Me = buildMe()) {
  let me = initial;
  const fetch = createFakeFetch({
    'GET /api/users/me': () => json(200, me),
    'DELETE /api/users/me/avatar': () => {
      me = { ...me, avatarUrl: null };
      return json(200, { id: me.id, nickname: me.nickname, avatarUrl: null });
    },
  });
  const storeAvatar = (avatarUrl: string) => {
    me = { ...me, avatarUrl };
    return { id: me.id, nickname: me.nickname, avatarUrl };
  };
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  const user = userEvent.setup({ applyAccept: false });
  renderWithProviders(<AvatarUploader />);
  return { fetch, user, storeAvatar };
}

async function choose(user: ReturnType<typeof userEvent.setup>, file: File) {
  const input = await screen.findByLabelText(/사진 (올리기|바꾸기)/);
  await user.upload(input, file);
}

describe('AvatarUploader', () => {
  beforeEach(() => {
    FakeXhr.instances = [];
    authSession.signIn(buildTokens({ accessToken: 'token-1' }));
    URL.createObjectURL = vi.fn(() => 'blob:preview');
    URL.revokeObjectURL = vi.fn();
  });

  afterEach(() => {
    authSession.signOut();
  });

  it('refuses a wrong type or an oversized file before uploading', async () => {
    const { user } = setup();
    await choose(user, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.errorCode.MEDIA_TYPE_UNSUPPORTED);
    await choose(user, png(10 * 1024 * 1024 + 1));
    expect(screen.getByRole('alert')).toHaveTextContent(ko.errorCode.MEDIA_TOO_LARGE);
    expect(FakeXhr.instances).toHaveLength(0);
  });

  it('shows a preview and the upload progress, then the stored avatar', async () => {
    const { user, storeAvatar } = setup();
    await choose(user, png());

    const xhr = FakeXhr.latest();
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe('/api/users/me/avatar');
    expect(xhr.headers.authorization).toBe('Bearer token-1');
    expect(screen.getByRole('img', { name: ko.avatar.alt })).toHaveAttribute('src', 'blob:preview');
    const bar = screen.getByRole('progressbar', { name: ko.avatar.progress });
    expect(bar).toHaveAttribute('value', '0');

    act(() => xhr.progress(512, 1024));
    expect(bar).toHaveAttribute('value', '50');
    expect(screen.getByText('50% 올리는 중')).toBeInTheDocument();

    act(() => xhr.respond(200, storeAvatar(`/api/media/${KEY}`)));
    expect(await screen.findByText(ko.avatar.uploaded)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: ko.avatar.alt })).toHaveAttribute(
      'src',
      `/api/media/${KEY}?size=thumb`,
    );
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:preview');
    expect(screen.getByLabelText(ko.avatar.replace)).toBeInTheDocument();
  });

  it.each([
    [422, 'MEDIA_DIMENSIONS_TOO_LARGE' as const],
    [415, 'MEDIA_TYPE_UNSUPPORTED' as const],
    [413, 'MEDIA_TOO_LARGE' as const],
  ])('translates a %i %s from the server', async (status, code) => {
    const { user } = setup();
    await choose(user, png());
    act(() => FakeXhr.latest().respond(status, problemBody(status, code)));
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.errorCode[code]);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: ko.avatar.none })).toBeInTheDocument();
  });

  it('tells how long to wait when rate limited', async () => {
    const { user } = setup();
    await choose(user, png());
    act(() =>
      FakeXhr.latest().respond(429, problemBody(429, 'COMMON_RATE_LIMITED'), {
        'Retry-After': '120',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `${ko.errorCode.COMMON_RATE_LIMITED} 120초 후에 다시 시도하세요.`,
    );
  });

  it('cancels an upload in flight', async () => {
    const { user } = setup();
    await choose(user, png());
    await user.click(screen.getByRole('button', { name: ko.avatar.cancel }));
    expect(FakeXhr.latest().isAborted).toBe(true);
    expect(await screen.findByText(ko.avatar.cancelled)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('removes the current avatar', async () => {
    const { user, fetch } = setup(buildMe({ avatarUrl: `/api/media/${KEY}` }));
    expect(await screen.findByRole('img', { name: ko.avatar.alt })).toHaveAttribute(
      'src',
      `/api/media/${KEY}?size=thumb`,
    );
    await user.click(screen.getByRole('button', { name: ko.avatar.remove }));
    expect(await screen.findByText(ko.avatar.removed)).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('img', { name: ko.avatar.none })).toBeInTheDocument(),
    );
    expect(fetch.mock.calls.some(([input]) => (input as Request).method === 'DELETE')).toBe(true);
  });
});
