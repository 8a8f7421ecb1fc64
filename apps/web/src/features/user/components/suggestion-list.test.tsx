import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildListItem, buildTokens } from '@/testing/factories';
import { createFakeFetch, json, noContent } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { SuggestionList } from './suggestion-list';

const suggestion = (id: string, nickname: string, reason: string, followedByCount = 0) => ({
  ...buildListItem({ id, nickname }),
  reason,
  followedByCount,
});

describe('SuggestionList', () => {
  beforeEach(() => authSession.signIn(buildTokens()));

  it('says why each person is suggested, and keeps someone just followed in place', async () => {
    let calls = 0;
    const fetch = createFakeFetch({
      // The server stops suggesting whom I follow: the second answer leaves 민준 out.
      'GET /api/users/suggestions': () =>
        json(200, {
          items:
            calls++ === 0
              ? [
                  suggestion('u2', '민준', 'followedByFollowing', 2),
                  suggestion('u3', '서연', 'recentlyActive'),
                ]
              : [suggestion('u3', '서연', 'recentlyActive'), suggestion('u4', '하준', 'newMember')],
        }),
      'PUT /api/users/u2/follow': () => noContent(),
      'GET /api/users/u2': () => json(404, { code: 'COMMON_NOT_FOUND', message: 'x' }),
    });
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(
      <>
        <h2 id="people">사람들</h2>
        <SuggestionList titleId="people" />
      </>,
    );
    const list = await screen.findByRole('list', { name: '사람들' });
    const [minjun, seoyeon] = within(list).getAllByRole('listitem');
    expect(minjun).toHaveTextContent('내가 팔로우하는 2명이 팔로우');
    expect(seoyeon).toHaveTextContent(ko.people.why.recentlyActive);

    await userEvent.click(within(minjun!).getByRole('button', { name: '민준 님 팔로우' }));
    await waitFor(() => expect(calls).toBe(2));
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual([
      '민준',
      '서연',
    ]);
    expect(within(items[0]!).getByRole('button', { name: '민준 님 팔로우' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
