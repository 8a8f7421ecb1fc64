import { describe, expect, it } from 'vitest';
import { formatRelative } from './format-relative';

const now = Date.parse('2026-01-10T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('formatRelative', () => {
  it.each([
    [30, '지금'],
    [5 * 60, '5분 전'],
    [3 * 3600, '3시간 전'],
    [24 * 3600, '어제'],
    [14 * 24 * 3600, '2주 전'],
  ])('%s seconds ago in Korean → %s', (seconds, text) => {
    expect(formatRelative(ago(seconds), now, 'ko')).toBe(text);
  });

  it('speaks English too', () => {
    expect(formatRelative(ago(5 * 60), now, 'en')).toBe('5 minutes ago');
  });
});
