import { describe, expect, it } from 'vitest';
import { parseMarkup } from './message-markup';

describe('parseMarkup', () => {
  it('keeps plain text as one part', () => {
    expect(parseMarkup('안녕하세요')).toEqual([{ kind: 'text', text: '안녕하세요' }]);
    expect(parseMarkup('')).toEqual([]);
  });

  it('finds inline code between backticks', () => {
    expect(parseMarkup('run `pnpm dev` now')).toEqual([
      { kind: 'text', text: 'run ' },
      { kind: 'code', text: 'pnpm dev' },
      { kind: 'text', text: ' now' },
    ]);
    expect(parseMarkup('``a ` b``')).toEqual([{ kind: 'code', text: 'a ` b' }]);
  });

  it('leaves unmatched backticks and multi-line spans as text', () => {
    expect(parseMarkup('a ` b')).toEqual([{ kind: 'text', text: 'a ` b' }]);
    expect(parseMarkup('`a\nb`')).toEqual([{ kind: 'text', text: '`a\nb`' }]);
  });

  it('finds fenced blocks with their language, keeping the code exactly', () => {
    const source = '보세요:\n```ts\nconst a = 1;\n  if (a) {}\n```\n끝';
    expect(parseMarkup(source)).toEqual([
      { kind: 'text', text: '보세요:' },
      { kind: 'block', lang: 'ts', text: 'const a = 1;\n  if (a) {}' },
      { kind: 'text', text: '\n끝' },
    ]);
    expect(parseMarkup('```\nplain\n```')).toEqual([{ kind: 'block', lang: null, text: 'plain' }]);
  });

  it('keeps markup-looking text as text, never as HTML', () => {
    const parts = parseMarkup('`<img src=x onerror=alert(1)>` and <b>bold</b>');
    expect(parts).toEqual([
      { kind: 'code', text: '<img src=x onerror=alert(1)>' },
      { kind: 'text', text: ' and <b>bold</b>' },
    ]);
  });

  it('ignores a language that is not a name and leaves an unclosed fence as text', () => {
    expect(parseMarkup('```<script>\nx\n```')).toEqual([{ kind: 'block', lang: null, text: 'x' }]);
    expect(parseMarkup('```js\nunfinished')).toEqual([{ kind: 'text', text: '```js\nunfinished' }]);
  });
});
