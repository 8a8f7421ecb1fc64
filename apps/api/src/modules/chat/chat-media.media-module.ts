import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { MediaObjectEntity, MediaService, MediaUrls } from '../media';
import type { ChatImageRef, ChatMedia } from './chat-media.port';

/** Chat images on the media module: purpose `chat`, private, served through signed URLs. */
@Injectable()
export class MediaModuleChatMedia implements ChatMedia {
  constructor(
    @Inject(MediaService) private readonly media: MediaService,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  get uploadLimits() {
    return this.media.uploadLimits;
  }

  async store(ownerId: string, file: Readable): Promise<ChatImageRef> {
    return pick(await this.media.ingestImage(ownerId, file, 'chat'));
  }

  async findOwned(ownerId: string, imageId: string): Promise<ChatImageRef | null> {
    const image = await this.db.getRepository(MediaObjectEntity).findOne({
      select: { id: true, width: true, height: true },
      where: { id: imageId, ownerId, purpose: 'chat' },
    });
    return image && pick(image);
  }

  url(imageId: string): string {
    return this.urls.private(imageId);
  }

  deleteOwned(ownerId: string, imageId: string): Promise<void> {
    return this.media.deleteOwned(ownerId, imageId);
  }

  onAccessCheck(check: (imageId: string) => Promise<boolean>): void {
    this.media.registerAccessCheck('chat', (image) => check(image.id));
  }

  onAttachmentCheck(check: (imageIds: string[]) => Promise<Set<string>>): void {
    this.media.registerAttachmentCheck('chat', check);
  }
}

function pick({ id, width, height }: ChatImageRef): ChatImageRef {
  return { id, width, height };
}
