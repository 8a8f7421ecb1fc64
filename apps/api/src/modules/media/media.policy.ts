import type { RateLimitRule } from '../../infra/http/rate-limit.service';
import type { MediaPurpose } from './entities/media-object.entity';

export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;
/** 33 megapixels (e.g. 7680×4320): the decoder refuses anything larger before allocating it. */
export const MEDIA_MAX_PIXELS = 33_177_600;

export const MediaLimits = {
  uploadsPerUser: { name: 'media-upload-user', limit: 30, windowSec: 30 * 60 },
  // <img> requests carry no token, and one feed page shows many avatars: a roomier per-IP budget.
  downloadsPerIp: { name: 'media-download-ip', limit: 1200, windowSec: 60 },
} satisfies Record<string, RateLimitRule>;

/** Decided by magic bytes only; the client's filename and Content-Type are never consulted. */
export const ACCEPTED_IMAGE_TYPES = ['image/gif', 'image/jpeg', 'image/png', 'image/webp'] as const;

export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number];

export function isAcceptedImageType(mime: string | undefined): mime is AcceptedImageType {
  return (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(mime ?? '');
}

export const MEDIA_VARIANTS = ['full', 'thumb'] as const;
export type MediaVariant = (typeof MEDIA_VARIANTS)[number];

export interface VariantGeometry {
  width: number;
  height: number;
  /** cover: crop to exactly width×height; inside: keep the aspect ratio within the box. */
  fit: 'cover' | 'inside';
}

export const GEOMETRY: Record<MediaPurpose, Record<MediaVariant, VariantGeometry>> = {
  avatar: {
    full: { width: 512, height: 512, fit: 'cover' },
    thumb: { width: 256, height: 256, fit: 'cover' },
  },
  chat: {
    full: { width: 2048, height: 2048, fit: 'inside' },
    thumb: { width: 256, height: 256, fit: 'inside' },
  },
  post: {
    full: { width: 2048, height: 2048, fit: 'inside' },
    thumb: { width: 256, height: 256, fit: 'inside' },
  },
};

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Keys are server-made v4 UUIDs; anything else cannot name an object. */
export function isMediaKey(key: string): boolean {
  return KEY.test(key);
}

/** Storage object name: sharded by the key's first two characters. */
export function objectName(key: string, variant: MediaVariant): string {
  return `${key.slice(0, 2)}/${key}-${variant}.webp`;
}

/** Avatars are public: anyone who sees a user sees the picture. Other purposes need their module's check. */
export function isPublicPurpose(purpose: MediaPurpose): boolean {
  return purpose === 'avatar';
}
