import type { Readable } from 'node:stream';
import type { SingleFileOptions } from '../../infra/http/multipart';

/** A stored chat image: what a message shows of it. */
export interface ChatImageRef {
  id: string;
  width: number;
  height: number;
}

/**
 * What chat needs from the media module to store, serve and delete chat images, so chat does not
 * depend on its service, entity or table (MediaModuleChatMedia implements it).
 */
export interface ChatMedia {
  /** The size limit and its error for an upload, checked while the request streams in. */
  readonly uploadLimits: Omit<SingleFileOptions, 'field'>;
  /** Checks and stores an image for chat (the media module's checks, limits and re-encoding). */
  store(ownerId: string, file: Readable): Promise<ChatImageRef>;
  /** A chat image this user uploaded, or null (unknown, someone else's, another purpose). */
  findOwned(ownerId: string, imageId: string): Promise<ChatImageRef | null>;
  /** The signed, expiring URL a member is handed for an image. */
  url(imageId: string): string;
  /** Deletes an image the owner holds; unknown ids are ignored. */
  deleteOwned(ownerId: string, imageId: string): Promise<void>;
  /** A signed URL serves a chat image only while this says yes (e.g. its message still exists). */
  onAccessCheck(check: (imageId: string) => Promise<boolean>): void;
  /** Which of these chat images are in use; the media sweep removes the others after a while. */
  onAttachmentCheck(check: (imageIds: string[]) => Promise<Set<string>>): void;
}

export const CHAT_MEDIA = Symbol('CHAT_MEDIA');
