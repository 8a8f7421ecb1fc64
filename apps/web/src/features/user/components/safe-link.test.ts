import { describe, expect, it } from 'vitest';
import { safeLinkUrl } from './safe-link';

describe('safeLinkUrl', () => {
  it.each([
    ['https://github.com/orgo', 'https://github.com/orgo'],
    ['http://blog.example/글', 'http://blog.example/%EA%B8%80'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['data:text/html,hi', null],
    ['//evil.example', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(safeLinkUrl(url)).toBe(expected);
  });
});
