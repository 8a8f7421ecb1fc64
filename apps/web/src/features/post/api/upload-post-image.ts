import { uploadFile } from '@/lib/upload';
import type { PostImage } from './types';

/** Mirrors the server's checks so obvious mistakes never leave the browser; the server decides. */
export const POST_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const POST_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const POST_IMAGES_MAX = 10;

/** POST /api/posts/images (multipart `file`), reporting progress 0..1. */
export function uploadPostImage(
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<PostImage> {
  return uploadFile<PostImage>({ method: 'POST', url: '/api/posts/images', file, onProgress });
}
