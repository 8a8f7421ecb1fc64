import { describe, expect, it } from 'vitest';
import { firstUnreadSeq } from './unread-divider';

const from = (id: string) => ({ id, nickname: id, avatarUrl: null });
const messages = [
  { seq: 1, sender: from('me') },
  { seq: 2, sender: from('them') },
  { seq: 3, sender: from('me') },
  { seq: 4, sender: from('them') },
  { seq: 5, sender: from('them') },
];

describe('firstUnreadSeq', () => {
  it('marks the first message from someone else after my read mark', () => {
    expect(firstUnreadSeq(messages, 2, 5, 'me')).toBe(4);
    expect(firstUnreadSeq(messages, 1, 5, 'me')).toBe(2);
  });

  it('puts no divider above a message that arrived live after the room opened', () => {
    // Everything was read when the room opened at seq 3; 4 and 5 came in while I looked.
    expect(firstUnreadSeq(messages, 3, 3, 'me')).toBeNull();
    // One was unread at the opening (4); the live 5 does not move the divider.
    expect(firstUnreadSeq(messages, 3, 4, 'me')).toBe(4);
  });

  it('shows none when the window does not reach back to the read mark', () => {
    expect(firstUnreadSeq(messages.slice(3), 1, 5, 'me')).toBeNull();
    expect(firstUnreadSeq([], 0, 0, 'me')).toBeNull();
  });
});
