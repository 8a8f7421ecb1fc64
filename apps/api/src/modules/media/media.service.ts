import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { fileTypeFromBuffer } from 'file-type';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Repository } from 'typeorm';
import { RateLimitService } from '../../infra/http/rate-limit.service';
import { STORAGE_DRIVER } from '../../infra/storage/storage-driver';
import type { StorageDriver } from '../../infra/storage/storage-driver';
import { MediaObjectEntity, MediaPurpose } from './entities/media-object.entity';
import { ImageProcessor, ProcessedImage } from './image-processor';
import { MediaGrant, MediaUrls } from './media-urls';
import { MediaErrors } from './media.errors';
import {
  GEOMETRY,
  isAcceptedImageType,
  isMediaKey,
  isPublicPurpose,
  MEDIA_MAX_BYTES,
  MEDIA_VARIANTS,
  MediaLimits,
  MediaVariant,
  objectName,
} from './media.policy';
import { readCapped } from './read-capped';

/** Who asks to see an object; userId is absent for anonymous visitors. */
export interface MediaViewer {
  userId?: string;
  /** The signed query of a private image URL (see MediaUrls). */
  grant?: MediaGrant;
}

/**
 * A module that attaches media of a purpose adds its own condition on top of the signed URL
 * (e.g. chat: the message holding the image still exists).
 */
export type MediaAccessCheck = (media: MediaObjectEntity, viewer: MediaViewer) => Promise<boolean>;

/**
 * Answers which of these objects (ids of one purpose) the owning module still uses: a chat image
 * held by a message, a current avatar. The rest are abandoned uploads for the sweep.
 */
export type MediaAttachmentCheck = (ids: string[]) => Promise<Set<string>>;

export interface MediaDownload {
  contentType: string;
  /** Objects never change under a key, so the key and variant make a strong validator. */
  etag: string;
  isPublic: boolean;
  /** Private images: seconds the signed URL stays valid, so the browser may keep it that long. */
  privateMaxAgeSec?: number;
  /** Fetches the bytes (a conditional request that matches the etag never needs them). */
  read: () => Promise<{ body: Readable; size: number | undefined }>;
}

@Injectable()
export class MediaService {
  private readonly logger = new Logger(MediaService.name);
  private readonly accessChecks = new Map<MediaPurpose, MediaAccessCheck>();
  private readonly attachmentChecks = new Map<MediaPurpose, MediaAttachmentCheck>();

  constructor(
    @InjectRepository(MediaObjectEntity) private readonly media: Repository<MediaObjectEntity>,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    @Inject(ImageProcessor) private readonly images: ImageProcessor,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
  ) {}

  /** For the HTTP layer, which refuses an oversized body before handing the stream over. */
  readonly uploadLimits = { maxBytes: MEDIA_MAX_BYTES, tooLarge: MediaErrors.tooLarge };

  /** Lets the module that owns a purpose (post, chat) decide who may see its images. */
  registerAccessCheck(purpose: MediaPurpose, check: MediaAccessCheck): void {
    this.accessChecks.set(purpose, check);
  }

  /** Lets the module that owns a purpose say which uploads are in use; others are never swept. */
  registerAttachmentCheck(purpose: MediaPurpose, check: MediaAttachmentCheck): void {
    this.attachmentChecks.set(purpose, check);
  }

  /**
   * Deletes uploads older than `olderThanMs` that their module does not use, paging through the
   * candidates `batch` at a time. Each page's rows are locked first and skipped when busy, so an
   * upload being attached right now (its insert holds a key-share lock on the row) is left alone.
   * Returns how many went.
   */
  async sweepUnattached(olderThanMs: number, signal?: AbortSignal, batch = 500): Promise<number> {
    let swept = 0;
    for (const [purpose, isAttached] of this.attachmentChecks) {
      // The cursor keeps Postgres' microseconds as text; a JS Date would round them off.
      let after: { createdAt: string; id: string } | undefined;
      while (!signal?.aborted) {
        const page = await this.media.manager.transaction(async (tx) => {
          const rows: { id: string; cursor_at: string }[] = await tx.query(
            `SELECT id, created_at::text AS cursor_at FROM media_object
              WHERE purpose = $1 AND created_at < now() - make_interval(secs => $2)
                AND ($4::timestamptz IS NULL OR (created_at, id) > ($4, $5::uuid))
              ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
            [purpose, olderThanMs / 1000, batch, after?.createdAt ?? null, after?.id ?? null],
          );
          if (!rows.length) return { rows, unused: [] };
          const attached = await isAttached(rows.map((r) => r.id));
          const unused = rows.map((r) => r.id).filter((id) => !attached.has(id));
          if (unused.length) await tx.getRepository(MediaObjectEntity).delete(unused);
          return { rows, unused };
        });
        for (const key of page.unused)
          await this.removeObjects(key).catch((err: unknown) =>
            this.logger.error({ err, key }, 'swept upload left objects in storage'),
          );
        swept += page.unused.length;
        if (page.rows.length < batch) break;
        const last = page.rows[page.rows.length - 1];
        after = { createdAt: last.cursor_at, id: last.id };
      }
    }
    return swept;
  }

  /**
   * Reads an uploaded image (≤ MEDIA_MAX_BYTES, checked while streaming), checks it by its magic
   * bytes, decodes and re-encodes it, and stores both variants under a new random key.
   * Nothing is stored unless every check passed.
   */
  async ingestImage(
    ownerId: string,
    source: Readable,
    purpose: MediaPurpose,
  ): Promise<MediaObjectEntity> {
    try {
      if (this.limits.enabled)
        RateLimitService.assertWithin(
          await this.limits.hit(MediaLimits.uploadsPerUser, ownerId),
          'Too many uploads. Try again later.',
        );
      const bytes = await readCapped(source, MEDIA_MAX_BYTES);
      const sniffed = (await fileTypeFromBuffer(bytes))?.mime;
      if (!isAcceptedImageType(sniffed)) throw MediaErrors.typeUnsupported();
      const image = await this.images.process(bytes, sniffed, GEOMETRY[purpose]);
      return await this.store(ownerId, purpose, image);
    } finally {
      if (!source.readableEnded) source.destroy();
    }
  }

  /** Opens one variant for a viewer; unknown keys and forbidden objects look the same (404). */
  async open(key: string, variant: MediaVariant, viewer: MediaViewer): Promise<MediaDownload> {
    if (!isMediaKey(key)) throw MediaErrors.notFound();
    const media = await this.media.findOne({ where: { id: key } });
    if (!media || !(await this.canView(media, viewer))) throw MediaErrors.notFound();
    return {
      contentType: media.contentType,
      etag: `"${key}-${variant}"`,
      isPublic: isPublicPurpose(media.purpose),
      privateMaxAgeSec: viewer.grant?.exp
        ? Math.max(0, Math.floor(viewer.grant.exp - Date.now() / 1000))
        : undefined,
      read: async () => {
        const object = await this.storage.get(objectName(key, variant));
        if (!object) throw MediaErrors.notFound();
        return { body: object.body, size: object.size };
      },
    };
  }

  /** Deletes an object the owner holds (both variants, then the row). Unknown keys are ignored. */
  async deleteOwned(ownerId: string, key: string): Promise<void> {
    if (!isMediaKey(key)) return;
    const media = await this.media.findOne({ where: { id: key, ownerId } });
    if (!media) return;
    await this.removeObjects(key);
    await this.media.delete({ id: key });
  }

  private async canView(media: MediaObjectEntity, viewer: MediaViewer): Promise<boolean> {
    if (isPublicPurpose(media.purpose)) return true;
    if (!viewer.grant || !this.urls.verify(media.id, viewer.grant)) return false;
    const check = this.accessChecks.get(media.purpose);
    return check ? check(media, viewer) : false;
  }

  private async store(
    ownerId: string,
    purpose: MediaPurpose,
    image: ProcessedImage,
  ): Promise<MediaObjectEntity> {
    const key = randomUUID();
    try {
      for (const variant of MEDIA_VARIANTS)
        await this.storage.put(
          objectName(key, variant),
          image.variants[variant],
          image.contentType,
        );
      return await this.media.save(
        this.media.create({
          id: key,
          ownerId,
          purpose,
          contentType: image.contentType,
          width: image.width,
          height: image.height,
          byteSize: image.variants.full.length,
          thumbByteSize: image.variants.thumb.length,
        }),
      );
    } catch (err) {
      await this.removeObjects(key).catch((cleanup: unknown) =>
        this.logger.error({ err: cleanup, key }, 'could not remove a half-stored upload'),
      );
      throw err;
    }
  }

  private async removeObjects(key: string): Promise<void> {
    await Promise.all(MEDIA_VARIANTS.map((v) => this.storage.delete(objectName(key, v))));
  }
}
