import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { buildListItem, buildPage } from '@/testing/factories';
import { createFakeFetch, deferred, json, noContent, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { useUserList } from '../api/get-user-list';
import { FollowButton } from './follow-button';
import { UserList } from './user-list';

function Followers() {
  const list = useUserList('u2', 'followers');
  return (
    <UserList
      query={list}
      label="민준 님의 팔로워"
      emptyText={ko.social.followersEmpty}
      renderAction={(item) => <FollowButton user={item} viewer={item.viewer} isSignedIn />}
    />
  );
}

function setup(handlers: Parameters<typeof createFakeFetch>[0]) {
  const fetch = createFakeFetch(handlers);
  vi.stubGlobal('fetch', fetch);
  const user = userEvent.setup();
  renderWithProviders(<Followers />);
  return { fetch, user };
}

describe('UserList', () => {
  it('lists users with their follow state and loads more by cursor', async () => {
    const cursors: (string | null)[] = [];
    const { user } = setup({
      'GET /api/users/u2/followers': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        cursors.push(cursor);
        return cursor === 'c1'
          ? json(200, buildPage([buildListItem({ id: 'u5', nickname: '하준' })]))
          : json(
              200,
              buildPage(
                [
                  buildListItem({ id: 'u3', nickname: '서연', viewer: { followsMe: true } }),
                  buildListItem({ id: 'u4', nickname: '도윤', viewer: { isFollowing: true } }),
                  buildListItem({ id: 'me', nickname: '지우', viewer: { isSelf: true } }),
                ],
                'c1',
              ),
            );
      },
    });

    const list = await screen.findByRole('list', { name: '민준 님의 팔로워' });
    expect(list.querySelectorAll('li')).toHaveLength(3);
    expect(screen.getByRole('link', { name: '서연' })).toHaveAttribute('href', '/users/u3');
    expect(screen.getByRole('button', { name: '서연 님 팔로우' })).toHaveTextContent(
      ko.social.followBack,
    );
    expect(screen.getByRole('button', { name: '도윤 님 팔로우' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.queryByRole('button', { name: '지우 님 팔로우' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: ko.social.loadMore }));
    expect(await screen.findByRole('link', { name: '하준' })).toBeInTheDocument();
    expect(cursors).toEqual([null, 'c1']);
    expect(screen.getByText(ko.social.end)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: ko.social.loadMore })).not.toBeInTheDocument();
  });

  it('follows from a row at once, before the server answers', async () => {
    const response = deferred<Response>();
    let isFollowing = false;
    const { user } = setup({
      'GET /api/users/u2/followers': () =>
        json(200, buildPage([buildListItem({ viewer: { isFollowing } })])),
      'PUT /api/users/u3/follow': () => response.promise,
    });
    const button = await screen.findByRole('button', { name: '서연 님 팔로우' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await user.click(button);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '서연 님 팔로우' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    isFollowing = true;
    response.resolve(noContent());
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '서연 님 팔로우' })).toHaveTextContent(
        ko.social.following,
      ),
    );
  });

  it('says so when the list is empty', async () => {
    setup({ 'GET /api/users/u2/followers': () => json(200, buildPage([])) });
    expect(await screen.findByText(ko.social.followersEmpty)).toBeInTheDocument();
  });

  it('offers a retry when the list cannot be loaded', async () => {
    let fail = true;
    const { user } = setup({
      'GET /api/users/u2/followers': () =>
        fail ? problem(404, 'COMMON_NOT_FOUND') : json(200, buildPage([buildListItem()])),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.social.listFailed);
    fail = false;
    await user.click(screen.getByRole('button', { name: ko.social.retry }));
    await waitFor(() => expect(screen.getByRole('link', { name: '서연' })).toBeInTheDocument());
  });
});
