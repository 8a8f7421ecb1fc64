import { describe, expect, it } from 'vitest';
import type { PostImage } from '../api/types';
import {
  draftsOf,
  imageDraftsReducer,
  isUploading,
  readyImageIds,
  type ImageDraft,
  type ImageDraftAction,
} from './image-drafts';

const image = (id: string): PostImage => ({ id, url: `/api/media/${id}`, width: 10, height: 10 });

const run = (start: ImageDraft[], ...actions: ImageDraftAction[]) =>
  actions.reduce(imageDraftsReducer, start);

describe('image drafts', () => {
  it('tracks an upload from progress to ready and saves only ready images, in order', () => {
    const drafts = run(
      draftsOf([image('kept')]),
      { type: 'added', key: 'n1', previewUrl: 'blob:1' },
      { type: 'added', key: 'n2', previewUrl: 'blob:2' },
      { type: 'progress', key: 'n1', progress: 0.5 },
    );
    expect(drafts.map((d) => [d.key, d.status, d.progress])).toEqual([
      ['kept', 'ready', 1],
      ['n1', 'uploading', 0.5],
      ['n2', 'uploading', 0],
    ]);
    expect(isUploading(drafts)).toBe(true);
    expect(readyImageIds(drafts)).toEqual(['kept']);
    const done = run(
      drafts,
      { type: 'uploaded', key: 'n1', image: image('i1') },
      { type: 'failed', key: 'n2', error: '너무 큽니다' },
    );
    expect(isUploading(done)).toBe(false);
    expect(readyImageIds(done)).toEqual(['kept', 'i1']);
    expect(done[2]!).toMatchObject({ status: 'failed', error: '너무 큽니다' });
  });

  it('reorders within bounds and removes', () => {
    const start = draftsOf([image('a'), image('b'), image('c')]);
    expect(readyImageIds(run(start, { type: 'moved', key: 'c', by: -1 }))).toEqual(['a', 'c', 'b']);
    expect(run(start, { type: 'moved', key: 'a', by: -1 })).toBe(start);
    expect(run(start, { type: 'moved', key: 'c', by: 1 })).toBe(start);
    expect(readyImageIds(run(start, { type: 'removed', key: 'b' }))).toEqual(['a', 'c']);
  });

  it('ignores progress after the upload finished, and clamps it', () => {
    const ready = run(
      [],
      { type: 'added', key: 'k', previewUrl: 'blob:k' },
      {
        type: 'uploaded',
        key: 'k',
        image: image('k'),
      },
    );
    expect(run(ready, { type: 'progress', key: 'k', progress: 0.2 })[0]!.progress).toBe(1);
    const up = run([], { type: 'added', key: 'u', previewUrl: 'blob:u' });
    expect(run(up, { type: 'progress', key: 'u', progress: 7 })[0]!.progress).toBe(1);
  });
});
