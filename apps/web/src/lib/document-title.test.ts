import { afterEach, describe, expect, it } from 'vitest';
import { setPageTitle, setUnreadTotal, titleWithUnread } from './document-title';

describe('titleWithUnread', () => {
  it('puts the unread total in front, capped at 99+', () => {
    expect(titleWithUnread('채팅 · OrGo', 0)).toBe('채팅 · OrGo');
    expect(titleWithUnread('채팅 · OrGo', -2)).toBe('채팅 · OrGo');
    expect(titleWithUnread('채팅 · OrGo', 3)).toBe('(3) 채팅 · OrGo');
    expect(titleWithUnread('채팅 · OrGo', 99)).toBe('(99) 채팅 · OrGo');
    expect(titleWithUnread('채팅 · OrGo', 100)).toBe('(99+) 채팅 · OrGo');
  });
});

describe('the document title', () => {
  afterEach(() => setUnreadTotal(0));

  it('keeps the count across page changes and drops it when all is read', () => {
    setPageTitle('피드 · OrGo');
    expect(document.title).toBe('피드 · OrGo');
    setUnreadTotal(2);
    expect(document.title).toBe('(2) 피드 · OrGo');
    setPageTitle('사람들 · OrGo');
    expect(document.title).toBe('(2) 사람들 · OrGo');
    setUnreadTotal(0);
    expect(document.title).toBe('사람들 · OrGo');
  });
});
