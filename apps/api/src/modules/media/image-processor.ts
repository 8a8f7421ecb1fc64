import { Injectable } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { AppError } from '../../infra/http/app-error';
import { MediaErrors } from './media.errors';
import { MEDIA_MAX_PIXELS, MediaVariant, VariantGeometry } from './media.policy';

export interface ProcessedImage {
  contentType: 'image/webp';
  /** Of the full variant, after orientation and resizing. */
  width: number;
  height: number;
  variants: Record<MediaVariant, Buffer>;
}

const FORMATS: Record<string, string> = {
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

// The decoder itself accepts only these four formats from memory, whatever the sniffing said.
const ALLOWED_LOADERS = [
  'VipsForeignLoadJpegBuffer',
  'VipsForeignLoadNsgifBuffer',
  'VipsForeignLoadPngBuffer',
  'VipsForeignLoadWebpBuffer',
];

/** Decodes untrusted bytes with libvips and re-encodes them: orientation applied, metadata dropped. */
@Injectable()
export class ImageProcessor {
  private readonly slots = new Semaphore(Math.max(1, availableParallelism()));

  constructor() {
    // Process-wide libvips settings: one thread per image and at most one image per CPU,
    // so decoding never uses more threads than there are cores; no operation cache.
    sharp.concurrency(1);
    sharp.cache(false);
    sharp.block({ operation: ['VipsForeignLoad'] });
    sharp.unblock({ operation: ALLOWED_LOADERS });
  }

  /** `expectedType` is the sniffed MIME type; the decoder must agree with it. */
  async process(
    bytes: Buffer,
    expectedType: string,
    geometry: Record<MediaVariant, VariantGeometry>,
  ): Promise<ProcessedImage> {
    return this.slots.run(async () => {
      try {
        // Only the raw bytes reach the decoder: never a filename, extension or client type.
        const input = sharp(bytes, {
          limitInputPixels: MEDIA_MAX_PIXELS,
          failOn: 'error',
          sequentialRead: true,
          pages: 1,
        });
        const meta = await input.metadata();
        if (!meta.format || FORMATS[meta.format] !== expectedType)
          throw MediaErrors.typeUnsupported();
        if (!meta.width || !meta.height) throw MediaErrors.imageInvalid();
        if (meta.width * meta.height > MEDIA_MAX_PIXELS) throw MediaErrors.dimensionsTooLarge();

        const oriented = input.autoOrient(); // the same as .rotate() without arguments
        const [full, thumb] = await Promise.all([
          encode(oriented.clone(), geometry.full, 82),
          encode(oriented.clone(), geometry.thumb, 75),
        ]);
        return {
          contentType: 'image/webp',
          width: full.info.width,
          height: full.info.height,
          variants: { full: full.data, thumb: thumb.data },
        };
      } catch (err) {
        throw toMediaError(err);
      }
    });
  }
}

function encode(image: sharp.Sharp, box: VariantGeometry, quality: number) {
  // No withMetadata/keep*: sharp writes no EXIF, XMP, IPTC or ICC, and converts to sRGB.
  return image
    .resize({ width: box.width, height: box.height, fit: box.fit, withoutEnlargement: true })
    .webp({ quality, effort: 4 })
    .toBuffer({ resolveWithObject: true });
}

function toMediaError(err: unknown): Error {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : '';
  if (/exceeds pixel limit/i.test(message)) return MediaErrors.dimensionsTooLarge();
  if (/unsupported image format/i.test(message)) return MediaErrors.typeUnsupported();
  return MediaErrors.imageInvalid();
}

/** A counting semaphore: at most `size` tasks run at once, the rest wait in order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
