import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { CommentPage, PostComment, PostPage, PostSummary } from '../api/types';
import {
  appendComment,
  deletedComment,
  dropFromFeed,
  mapComment,
  mapFeed,
  withBookmark,
  withLike,
  withReplyDelta,
} from './post-cache';

const post = (id: string, over: Partial<PostSummary> = {}): PostSummary => ({
  id,
  title: id,
  excerpt: '',
  author: { id: 'a', nickname: '작성자', avatarUrl: null },
  firstImage: null,
  imageCount: 0,
  likeCount: 3,
  commentCount: 0,
  viewCount: 0,
  likedByMe: false,
  bookmarkedByMe: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  editedAt: null,
  ...over,
});

const comment = (id: string, over: Partial<PostComment> = {}): PostComment => ({
  id,
  postId: 'p',
  parentId: null,
  author: { id: 'a', nickname: '작성자', avatarUrl: null },
  content: id,
  replyCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  editedAt: null,
  deletedAt: null,
  ...over,
});

const feed = (...pages: PostSummary[][]): InfiniteData<PostPage> => ({
  pages: pages.map((items, i) => ({ items, nextCursor: i < pages.length - 1 ? `c${i}` : null })),
  pageParams: pages.map((_, i) => (i ? `c${i - 1}` : undefined)),
});

const thread = (last: string | null, ...pages: PostComment[][]): InfiniteData<CommentPage> => ({
  pages: pages.map((items, i) => ({
    items,
    nextCursor: i < pages.length - 1 ? `c${i}` : last,
  })),
  pageParams: pages.map(() => undefined),
});

describe('post cache', () => {
  it('likes and unlikes optimistically, moving the count once', () => {
    const p = post('p');
    expect(withLike(p, true)).toMatchObject({ likedByMe: true, likeCount: 4 });
    const liked = withLike(p, true);
    expect(withLike(liked, true)).toBe(liked);
    expect(withLike(liked, false)).toMatchObject({ likedByMe: false, likeCount: 3 });
    // The server's count wins when it is known.
    expect(withLike(p, true, 10)).toMatchObject({ likedByMe: true, likeCount: 10 });
    expect(withLike(post('z', { likeCount: 0 }), false)).toMatchObject({ likeCount: 0 });
  });

  it('bookmarks without touching other fields', () => {
    const p = post('p');
    expect(withBookmark(p, true)).toEqual({ ...p, bookmarkedByMe: true });
    expect(withBookmark(p, false)).toBe(p);
  });

  it('changes a post in every page of a feed and keeps the rest by identity', () => {
    const data = feed([post('a'), post('b')], [post('c')]);
    const next = mapFeed(data, 'c', (p) => withLike(p, true))!;
    expect(next.pages[1]!.items[0]).toMatchObject({ likedByMe: true });
    expect(next.pages[0]).toBe(data.pages[0]);
    expect(mapFeed(data, 'missing', (p) => withLike(p, true))).toBe(data);
    expect(dropFromFeed(data, 'b')!.pages[0]!.items.map((p) => p.id)).toEqual(['a']);
    expect(dropFromFeed(data, 'missing')).toBe(data);
  });

  it('appends a live comment only to a fully loaded thread, once', () => {
    const loaded = thread(null, [comment('1')]);
    const next = appendComment(loaded, comment('2'))!;
    expect(next.pages[0]!.items.map((c) => c.id)).toEqual(['1', '2']);
    expect(appendComment(next, comment('2'))).toBe(next);
    const partial = thread('more', [comment('1')]);
    expect(appendComment(partial, comment('2'))).toBe(partial);
  });

  it('keeps a deleted comment with replies as a placeholder and drops one without', () => {
    const at = '2026-01-02T00:00:00.000Z';
    expect(deletedComment(comment('1', { replyCount: 2 }), at)).toMatchObject({
      content: null,
      author: null,
      deletedAt: at,
    });
    expect(deletedComment(comment('1'), at)).toBeNull();
    const data = thread(null, [comment('1'), comment('2')]);
    const next = mapComment(data, '1', (c) => deletedComment(c, at))!;
    expect(next.pages[0]!.items.map((c) => c.id)).toEqual(['2']);
  });

  it('drops a placeholder when its last reply goes', () => {
    const placeholder = comment('1', { replyCount: 1, content: null, deletedAt: 'x' });
    expect(withReplyDelta(placeholder, -1)).toBeNull();
    expect(withReplyDelta(comment('2', { replyCount: 1 }), 1)).toMatchObject({ replyCount: 2 });
  });
});
