import { describe, expect, it } from 'vitest';
import { countSeenBy } from './seen-by';

const member = (id: string, lastReadSeq: number) => ({
  user: { id, nickname: id, avatarUrl: null },
  lastReadSeq,
});

describe('countSeenBy', () => {
  it('counts the other members at or past the seq, taking the later of detail and live reads', () => {
    const members = [member('me', 9), member('a', 5), member('b', 2), member('c', 1)];
    expect(countSeenBy(members, {}, 'me', 5)).toBe(1);
    expect(countSeenBy(members, { b: 6, a: 3 }, 'me', 5)).toBe(2);
    expect(countSeenBy(members, { c: 4 }, 'me', 6)).toBe(0);
  });
});
