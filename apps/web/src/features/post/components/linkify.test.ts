import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('links http(s) URLs and keeps the rest as text', () => {
    expect(linkify('문서: https://docs.nestjs.com/modules 참고\n다음 줄')).toEqual([
      { kind: 'text', text: '문서: ' },
      {
        kind: 'link',
        text: 'https://docs.nestjs.com/modules',
        href: 'https://docs.nestjs.com/modules',
      },
      { kind: 'text', text: ' 참고\n다음 줄' },
    ]);
  });

  it('leaves sentence punctuation out of the link', () => {
    expect(linkify('see http://example.com/a.')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'http://example.com/a', href: 'http://example.com/a' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never links other schemes or HTML', () => {
    const text = 'javascript:alert(1) <a href="x">x</a> data:text/html,hi';
    expect(linkify(text)).toEqual([{ kind: 'text', text }]);
  });
});
