import { ApiProperty } from '@nestjs/swagger';

/**
 * Documents a one-image multipart body (avatars, chat images); the file is read as a stream by
 * the media module, not validated here.
 */
export class ImageUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'JPEG, PNG, WebP or GIF (checked by content), at most 10 MB and 33 megapixels. Re-encoded as WebP without metadata.',
  })
  file: unknown;
}
