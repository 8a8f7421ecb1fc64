import type { ChatImage } from '@orgo/contracts';
import { uploadFile } from '@/lib/upload';

/** Mirrors the server's checks so obvious mistakes never leave the browser; the server decides. */
export const CHAT_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const CHAT_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

export function uploadChatImage(
  roomId: string,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<ChatImage> {
  return uploadFile<ChatImage>({
    method: 'POST',
    url: `/api/chat/rooms/${encodeURIComponent(roomId)}/images`,
    file,
    onProgress,
  });
}
