import { describe, expect, it } from 'vitest';
import { hrefs, safeNext } from './paths';

describe('safeNext', () => {
  it.each([
    ['/settings/sessions?tab=1', '/settings/sessions?tab=1'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('hrefs.login', () => {
  it('carries the page to return to', () => {
    expect(hrefs.login('/chat')).toBe('/login?next=%2Fchat');
    expect(hrefs.login('/')).toBe('/login');
  });
});
