import { commentListed, excerpt, imagesChange, replyRefusal } from './post.policy';

describe('post policy', () => {
  it('splits an edit of the image list into removed and added, keeping the new order apart', () => {
    expect(imagesChange(['a', 'b', 'c'], ['c', 'd', 'a'])).toEqual({
      removed: ['b'],
      added: ['d'],
    });
    expect(imagesChange(['a', 'b'], ['b', 'a'])).toEqual({ removed: [], added: [] });
    expect(imagesChange([], ['x'])).toEqual({ removed: [], added: ['x'] });
    expect(imagesChange(['x'], [])).toEqual({ removed: ['x'], added: [] });
  });

  it('cuts an excerpt on code points, with an ellipsis only when cut', () => {
    expect(excerpt('짧은 글', 10)).toBe('짧은 글');
    expect(excerpt('😀😀😀', 2)).toBe('😀😀…');
    expect(excerpt('abcdef', 3)).toBe('abc…');
    // Exactly the length in code points, but longer in UTF-16 units: not cut.
    expect(excerpt('😀😀😀', 3)).toBe('😀😀😀');
    expect(excerpt('a😀b', 2)).toBe('a😀…');
    // A lone surrogate counts as one, as Array.from counts it.
    expect(excerpt('\ud800ab', 2)).toBe('\ud800a…');
    expect(excerpt('ab\ud800', 2)).toBe('ab…');
  });

  it('takes replies only under a live top-level comment of the same post', () => {
    const top = { postId: 'p', parentId: null, deletedAt: null };
    expect(replyRefusal('p', top)).toBeNull();
    expect(replyRefusal('other', top)).toBe('not-found');
    expect(replyRefusal('p', null)).toBe('not-found');
    expect(replyRefusal('p', { ...top, deletedAt: new Date() })).toBe('not-found');
    expect(replyRefusal('p', { ...top, parentId: 'c' })).toBe('depth');
  });

  it('keeps a deleted comment listed only while it has replies', () => {
    expect(commentListed({ deletedAt: null, replyCount: 0 })).toBe(true);
    expect(commentListed({ deletedAt: new Date(), replyCount: 2 })).toBe(true);
    expect(commentListed({ deletedAt: new Date(), replyCount: 0 })).toBe(false);
  });
});
