import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildTokens } from '@/testing/factories';
import { createFakeFetch, deferred, json, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import type { PostSummary } from '../api/types';
import { PostFeed } from './post-feed';

const post = (id: string, over: Partial<PostSummary> = {}): PostSummary => ({
  id,
  title: `제목 ${id}`,
  excerpt: '본문',
  author: { id: 'a1', nickname: '작성자', avatarUrl: null },
  firstImage: null,
  imageCount: 0,
  likeCount: 2,
  commentCount: 1,
  viewCount: 5,
  likedByMe: false,
  bookmarkedByMe: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  editedAt: null,
  ...over,
});

afterEach(() => authSession.signOut());

describe('PostFeed', () => {
  it('pages with the cursor and shows each post once', async () => {
    const fetch = createFakeFetch({
      'GET /api/posts': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return cursor === 'c1'
          ? json(200, { items: [post('p3')], nextCursor: null })
          : json(200, { items: [post('p1'), post('p2')], nextCursor: 'c1' });
      },
    });
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderWithProviders(<PostFeed kind="all" empty="없음" label="전체" />);
    expect(await screen.findByRole('heading', { name: '제목 p1' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: ko.post.feed.loadMore }));
    expect(await screen.findByRole('heading', { name: '제목 p3' })).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: ko.post.feed.loadMore })).not.toBeInTheDocument();
  });

  it('shows the empty state', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch({ 'GET /api/posts': () => json(200, { items: [], nextCursor: null }) }),
    );
    renderWithProviders(<PostFeed kind="all" empty="아직 글이 없습니다" label="전체" />);
    expect(await screen.findByText('아직 글이 없습니다')).toBeInTheDocument();
  });

  it('likes at once, keeps the server count, and undoes a refused like', async () => {
    authSession.signIn(buildTokens());
    const answer = deferred<Response>();
    const refusal = deferred<Response>();
    let calls = 0;
    vi.stubGlobal(
      'fetch',
      createFakeFetch({
        'GET /api/posts': () => json(200, { items: [post('p1')], nextCursor: null }),
        'PUT /api/posts/p1/like': () => {
          calls++;
          return calls === 1 ? answer.promise : refusal.promise;
        },
        'DELETE /api/posts/p1/like': () => json(200, { liked: false, likeCount: 9 }),
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<PostFeed kind="all" empty="없음" label="전체" />);
    const card = await screen.findByRole('article');
    const like = within(card).getByRole('button', { name: /좋아요 2/ });
    await user.click(like);
    // On screen before the server answers.
    expect(await within(card).findByRole('button', { name: /좋아요 3/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    answer.resolve(json(200, { liked: true, likeCount: 10 }));
    expect(await within(card).findByRole('button', { name: /좋아요 10/ })).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: /좋아요 10/ }));
    expect(await within(card).findByRole('button', { name: /좋아요 9/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    // A refused like goes back to what it was.
    await user.click(within(card).getByRole('button', { name: /좋아요 9/ }));
    expect(await within(card).findByRole('button', { name: /좋아요 10/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    refusal.resolve(problem(404, 'POST_NOT_FOUND'));
    await waitFor(() =>
      expect(within(card).getByRole('button', { name: /좋아요 9/ })).toHaveAttribute(
        'aria-pressed',
        'false',
      ),
    );
  });
});
