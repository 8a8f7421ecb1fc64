import { describe, expect, it } from 'vitest';
import { previewKind } from './preview';

describe('previewKind', () => {
  it('names a photo without words as a photo and a deleted message as deleted', () => {
    expect(previewKind({ text: null, deletedAt: null })).toBe('photo');
    expect(previewKind({ text: '', deletedAt: null, image: { url: '/x' } })).toBe('photo');
    expect(previewKind({ text: '  ', deletedAt: null })).toBe('photo');
    expect(previewKind({ text: null, deletedAt: '2026-01-01T00:00:00Z' })).toBe('deleted');
    expect(previewKind({ text: '사진 설명', deletedAt: null, image: { url: '/x' } })).toBe('text');
    expect(previewKind({ text: 'hi', deletedAt: null })).toBe('text');
  });
});
