// The media module's public surface: other modules import from here, never from a deeper file.
export { ImageUploadDto } from './dto/image-upload.dto';
export { MEDIA_PURPOSES, MediaObjectEntity } from './entities/media-object.entity';
export type { MediaPurpose } from './entities/media-object.entity';
export { MediaUrls } from './media-urls';
export type { MediaGrant } from './media-urls';
export { MediaModule } from './media.module';
export { MediaService } from './media.service';
export type {
  MediaAccessCheck,
  MediaAttachmentCheck,
  MediaDownload,
  MediaViewer,
} from './media.service';
