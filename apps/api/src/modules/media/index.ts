// The media module's public surface: other modules import from here, never from a deeper file.
export { ApiImageUpload, ImageUploadDto, uploadedImage } from './dto/image-upload.dto';
export { MEDIA_PURPOSES, MediaObjectEntity } from './entities/media-object.entity';
export type { MediaPurpose } from './entities/media-object.entity';
export { MediaErrors } from './media.errors';
export { MediaLimits } from './media.policy';
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
