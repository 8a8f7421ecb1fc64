import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import type { PublicProfile } from '@/lib/api-types';
import { buildProfile } from '@/testing/factories';
import { createFakeFetch, deferred, json, noContent, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { useProfile } from '../api/get-profile';
import { ProfileView } from './profile-view';

function Harness({ isSignedIn, onBlocked }: { isSignedIn: boolean; onBlocked: () => void }) {
  const profile = useProfile('u2');
  if (!profile.data) return null;
  return (
    <ProfileView
      profile={profile.data}
      presence={profile.data.presence}
      isSignedIn={isSignedIn}
      onBlocked={onBlocked}
    />
  );
}

function setup(
  profile: PublicProfile,
  handlers: Parameters<typeof createFakeFetch>[0] = {},
  { isSignedIn = true } = {},
) {
  let current = profile;
  const fetch = createFakeFetch({
    'GET /api/users/u2': () => json(200, current),
    ...handlers,
  });
  vi.stubGlobal('fetch', fetch);
  const onBlocked = vi.fn();
  const user = userEvent.setup();
  renderWithProviders(<Harness isSignedIn={isSignedIn} onBlocked={onBlocked} />);
  return {
    fetch,
    onBlocked,
    user,
    setServer: (next: PublicProfile) => {
      current = next;
    },
  };
}

/** `METHOD /path` of every request the component made, in order. */
function requests(fetch: ReturnType<typeof createFakeFetch>): string[] {
  return fetch.mock.calls.map(([input]) => {
    const request = input as Request;
    return `${request.method} ${new URL(request.url).pathname}`;
  });
}

const followButton = () => screen.getByRole('button', { name: '민준 님 팔로우' });

describe('ProfileView', () => {
  it('shows the profile, counts, safe links and "follows me"', async () => {
    setup(
      buildProfile({
        viewer: { followsMe: true },
        links: [
          { label: 'GitHub', url: 'https://github.com/minjun' },
          { label: 'Evil', url: 'javascript:alert(1)' },
        ],
      }),
    );
    expect(await screen.findByRole('heading', { name: '민준' })).toBeInTheDocument();
    expect(screen.getByText('백엔드를 배우고 있어요.')).toBeInTheDocument();
    expect(screen.getByText(ko.profile.followsMe)).toBeInTheDocument();
    const counts = screen.getByRole('navigation', { name: ko.profile.counts });
    expect(within(counts).getByRole('link', { name: '팔로워 3' })).toHaveAttribute(
      'href',
      '/users/u2/followers',
    );
    expect(within(counts).getByRole('link', { name: '팔로잉 5' })).toHaveAttribute(
      'href',
      '/users/u2/following',
    );
    const github = screen.getByRole('link', { name: 'GitHub' });
    expect(github).toHaveAttribute('href', 'https://github.com/minjun');
    expect(github).toHaveAttribute('rel', 'nofollow noopener noreferrer');
    expect(screen.queryByRole('link', { name: 'Evil' })).not.toBeInTheDocument();
    expect(screen.getByText('Evil')).toBeInTheDocument();
    expect(followButton()).toHaveTextContent(ko.social.followBack);
  });

  it('follows at once, then keeps the server’s answer', async () => {
    const response = deferred<Response>();
    const { fetch, setServer, user } = setup(buildProfile(), {
      'PUT /api/users/u2/follow': () => response.promise,
    });
    await user.click(await screen.findByRole('button', { name: '민준 님 팔로우' }));

    // Optimistic: pressed and counted before the server answers.
    await waitFor(() => expect(followButton()).toHaveAttribute('aria-pressed', 'true'));
    expect(followButton()).toHaveTextContent(ko.social.following);
    expect(screen.getByRole('link', { name: '팔로워 4' })).toBeInTheDocument();

    setServer(
      buildProfile({ counts: { followers: 4, following: 5 }, viewer: { isFollowing: true } }),
    );
    response.resolve(noContent());
    await waitFor(() =>
      expect(requests(fetch).filter((r) => r === 'GET /api/users/u2')).toHaveLength(2),
    );
    expect(followButton()).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: '팔로워 4' })).toBeInTheDocument();
  });

  it('unfollows, and rolls back with the reason when the server refuses', async () => {
    const { user } = setup(
      buildProfile({ counts: { followers: 4, following: 5 }, viewer: { isFollowing: true } }),
      {
        'DELETE /api/users/u2/follow': () => problem(404, 'COMMON_NOT_FOUND'),
      },
    );
    await user.click(await screen.findByRole('button', { name: '민준 님 팔로우' }));
    expect(await screen.findByText(ko.errorCode.COMMON_NOT_FOUND)).toHaveAttribute('role', 'alert');
    expect(followButton()).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('link', { name: '팔로워 4' })).toBeInTheDocument();
  });

  it('blocks only after confirming, then hands over to the page', async () => {
    const { fetch, onBlocked, user } = setup(buildProfile({ viewer: { isFollowing: true } }), {
      'PUT /api/users/u2/block': () => noContent(),
    });
    const more = await screen.findByRole('button', { name: '민준 님 관련 메뉴' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: ko.social.block }));
    expect(screen.getByText(/민준 님을 차단할까요/)).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalledWith(expect.objectContaining({ method: 'PUT' }));
    await user.click(screen.getByRole('button', { name: ko.social.blockConfirmButton }));
    await waitFor(() => expect(onBlocked).toHaveBeenCalledTimes(1));
    expect(requests(fetch)).toContain('PUT /api/users/u2/block');
  });

  it('closes the menu with Escape and returns focus to its button', async () => {
    const { user } = setup(buildProfile());
    const more = await screen.findByRole('button', { name: '민준 님 관련 메뉴' });
    await user.click(more);
    await user.keyboard('{Escape}');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(more).toHaveFocus();
  });

  it('mutes and says so quietly', async () => {
    const { setServer, user } = setup(buildProfile(), {
      'PUT /api/users/u2/mute': () => {
        setServer(buildProfile({ viewer: { isMuted: true } }));
        return noContent();
      },
    });
    await user.click(await screen.findByRole('button', { name: '민준 님 관련 메뉴' }));
    await user.click(screen.getByRole('button', { name: ko.social.mute }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      '민준 님을 뮤트했습니다. 상대방에게는 알리지 않습니다.',
    );
    expect(screen.getByRole('button', { name: ko.social.unmute })).toBeInTheDocument();
  });

  it('asks anonymous visitors to log in and hides block/mute', async () => {
    setup(buildProfile(), {}, { isSignedIn: false });
    expect(await screen.findByRole('link', { name: ko.social.loginToFollow })).toHaveAttribute(
      'href',
      '/login',
    );
    expect(screen.queryByRole('button', { name: '민준 님 관련 메뉴' })).not.toBeInTheDocument();
  });

  it('offers editing instead of following on my own profile, with my presence', async () => {
    setup(
      buildProfile({
        viewer: { isSelf: true },
        presence: { online: true, lastActiveAt: '2025-01-02T03:04:05.000Z' },
      }),
    );
    expect(await screen.findByRole('link', { name: ko.profile.edit })).toHaveAttribute(
      'href',
      '/settings/profile',
    );
    expect(screen.getByRole('link', { name: ko.profile.blockedList })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '민준 님 팔로우' })).not.toBeInTheDocument();
    expect(screen.getByText(ko.presence.online)).toBeInTheDocument();
  });

  it('shows when someone I follow was last active', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    setup(
      buildProfile({
        viewer: { isFollowing: true },
        presence: { online: false, lastActiveAt: fiveMinutesAgo },
      }),
    );
    expect(await screen.findByText('5분 전 활동')).toBeInTheDocument();
  });
});
