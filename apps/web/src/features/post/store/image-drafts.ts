import type { PostImage } from '../api/types';

/** One image in the post editor: an existing one, or an upload in progress, done or failed. */
export interface ImageDraft {
  key: string;
  status: 'uploading' | 'ready' | 'failed';
  /** 0..1 while uploading. */
  progress: number;
  /** What the editor shows: a local object URL for a new file, the signed URL for a kept one. */
  previewUrl: string;
  image: PostImage | null;
  error: string | null;
}

export type ImageDraftAction =
  | { type: 'added'; key: string; previewUrl: string }
  | { type: 'progress'; key: string; progress: number }
  | { type: 'uploaded'; key: string; image: PostImage }
  | { type: 'failed'; key: string; error: string }
  | { type: 'removed'; key: string }
  | { type: 'moved'; key: string; by: -1 | 1 };

/** The editor's images when editing a post: all ready, in the post's order. */
export function draftsOf(images: PostImage[]): ImageDraft[] {
  return images.map((image) => ({
    key: image.id,
    status: 'ready',
    progress: 1,
    previewUrl: image.url,
    image,
    error: null,
  }));
}

export function imageDraftsReducer(drafts: ImageDraft[], action: ImageDraftAction): ImageDraft[] {
  switch (action.type) {
    case 'added':
      return [
        ...drafts,
        {
          key: action.key,
          status: 'uploading',
          progress: 0,
          previewUrl: action.previewUrl,
          image: null,
          error: null,
        },
      ];
    case 'progress':
      return patch(drafts, action.key, (d) =>
        d.status === 'uploading'
          ? { ...d, progress: Math.min(1, Math.max(0, action.progress)) }
          : d,
      );
    case 'uploaded':
      return patch(drafts, action.key, (d) => ({
        ...d,
        status: 'ready',
        progress: 1,
        image: action.image,
      }));
    case 'failed':
      return patch(drafts, action.key, (d) => ({ ...d, status: 'failed', error: action.error }));
    case 'removed':
      return drafts.filter((d) => d.key !== action.key);
    case 'moved': {
      const from = drafts.findIndex((d) => d.key === action.key);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= drafts.length) return drafts;
      const next = [...drafts];
      const [moved] = next.splice(from, 1);
      if (moved) next.splice(to, 0, moved);
      return next;
    }
  }
}

function patch(
  drafts: ImageDraft[],
  key: string,
  change: (draft: ImageDraft) => ImageDraft,
): ImageDraft[] {
  return drafts.map((d) => (d.key === key ? change(d) : d));
}

/** The ids to save, in order; failed uploads are left out (the editor shows them to remove). */
export function readyImageIds(drafts: ImageDraft[]): string[] {
  return drafts.flatMap((d) => (d.status === 'ready' && d.image ? [d.image.id] : []));
}

export function isUploading(drafts: ImageDraft[]): boolean {
  return drafts.some((d) => d.status === 'uploading');
}
