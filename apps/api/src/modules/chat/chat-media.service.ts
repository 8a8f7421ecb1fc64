import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { CHAT_MEDIA } from './chat-media.port';
import type { ChatImageRef, ChatMedia } from './chat-media.port';
import { ChatMembershipService } from './chat-membership.service';
import { ChatErrors } from './chat.errors';
import type { ChatImageDto } from './dto/message.dto';

/**
 * Chat images: uploaded to a room, sent once by their uploader, served to whoever may see the
 * message holding them, deleted with it. Storage is the media module's (through ChatMedia);
 * chat_image_room and chat_message say which room and message an image belongs to.
 */
@Injectable()
export class ChatMediaService implements OnModuleInit {
  private readonly logger = new Logger(ChatMediaService.name);

  constructor(
    @Inject(CHAT_MEDIA) private readonly media: ChatMedia,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ChatMembershipService) private readonly membership: ChatMembershipService,
  ) {}

  onModuleInit(): void {
    // A signed URL is not enough once the message holding the image is deleted.
    this.media.onAccessCheck(async (imageId) => {
      const rows: unknown[] = await this.db.query(
        'SELECT 1 FROM chat_message WHERE image_id = $1 AND deleted_at IS NULL',
        [imageId],
      );
      return rows.length > 0;
    });
    // An image no message holds (an abandoned composer) is the media sweep's after its grace period.
    this.media.onAttachmentCheck(async (ids) => {
      const rows: { image_id: string }[] = await this.db.query(
        'SELECT image_id FROM chat_message WHERE image_id = ANY($1::uuid[])',
        [ids],
      );
      return new Set(rows.map((r) => r.image_id));
    });
  }

  /** The size limit of an upload, enforced while the request streams in. */
  get uploadLimits(): ChatMedia['uploadLimits'] {
    return this.media.uploadLimits;
  }

  /**
   * Stores an image for a message in this room (members only, verified email, the media module's
   * checks and limits). The answer's `id` goes into `message.send` as `imageId`.
   */
  async uploadImage(me: string, roomId: string, file: Readable): Promise<ChatImageDto> {
    try {
      await this.membership.assertMember(me, roomId);
    } catch (err) {
      file.destroy();
      throw err;
    }
    const image = await this.media.store(me, file);
    // The image belongs to this room: a message elsewhere cannot carry it.
    await this.db.query('INSERT INTO chat_image_room (image_id, room_id) VALUES ($1, $2)', [
      image.id,
      roomId,
    ]);
    return {
      id: image.id,
      url: this.media.url(image.id),
      width: image.width,
      height: image.height,
    };
  }

  /**
   * An image the sender uploaded for chat in this room and has not sent yet. One already sent is
   * refused here, before it reaches a shared send batch whose statement it would roll back for
   * everyone (uq_chat_message_image still settles a race between two sends of it). One uploaded
   * to another room is refused with its own code (the sender owns it, so saying so reveals
   * nothing).
   */
  async ownImage(me: string, roomId: string, imageId: string): Promise<ChatImageRef> {
    const [image, bound] = await Promise.all([
      this.media.findOwned(me, imageId),
      this.db.query<{ room_id: string; sent: boolean }[]>(
        `SELECT room_id, EXISTS (SELECT 1 FROM chat_message WHERE image_id = $1) AS sent
           FROM chat_image_room WHERE image_id = $1`,
        [imageId],
      ),
    ]);
    if (!image) throw ChatErrors.imageNotFound();
    if (bound[0]?.room_id !== roomId) throw ChatErrors.imageOtherRoom();
    if (bound[0].sent) throw ChatErrors.imageNotFound();
    return image;
  }

  /** The image goes with its message; a storage hiccup leaves an orphan, not an error. */
  async deleteImage(me: string, imageId: string): Promise<void> {
    await this.media
      .deleteOwned(me, imageId)
      .catch((err: unknown) => this.logger.error({ err, imageId }, 'chat image not deleted'));
  }

  /** The signed URL a member is handed for an image. */
  imageUrl(imageId: string): string {
    return this.media.url(imageId);
  }
}
