import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { buildListItem, buildPage } from '@/testing/factories';
import { createFakeFetch, json, noContent } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { BlockedList } from './blocked-list';

describe('BlockedList', () => {
  it('lists blocked users and unblocks one, which then leaves the list', async () => {
    let blocked = [
      buildListItem({ id: 'u3', nickname: '서연', viewer: { isBlocked: true } }),
      buildListItem({ id: 'u4', nickname: '도윤', viewer: { isBlocked: true } }),
    ];
    const fetch = createFakeFetch({
      'GET /api/users/me/blocks': () => json(200, buildPage(blocked)),
      'DELETE /api/users/u3/block': () => {
        blocked = blocked.filter((b) => b.id !== 'u3');
        return noContent();
      },
    });
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderWithProviders(<BlockedList />);

    expect(await screen.findByRole('list', { name: ko.social.blocksTitle })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '서연 님 팔로우' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '서연 님 차단 해제' }));

    expect(await screen.findByRole('status')).toHaveTextContent('서연 님의 차단을 해제했습니다.');
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: '서연' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('link', { name: '도윤' })).toBeInTheDocument();
  });

  it('says so when nobody is blocked', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch({ 'GET /api/users/me/blocks': () => json(200, buildPage([])) }),
    );
    renderWithProviders(<BlockedList />);
    expect(await screen.findByText(ko.social.blocksEmpty)).toBeInTheDocument();
  });
});
