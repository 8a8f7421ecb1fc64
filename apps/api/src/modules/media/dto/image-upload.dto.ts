import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { ApiDoc, type ApiDocSpec } from '../../../infra/http/api-doc';
import {
  ApiFileBody,
  singleFileUpload,
  type SingleFileOptions,
} from '../../../infra/http/multipart';
import { MediaErrors } from '../media.errors';
import { MediaLimits } from '../media.policy';

/**
 * Documents a one-image multipart body (avatars, post and chat images); the file is read as a
 * stream by the media module, not validated here.
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

/**
 * Documents an operation that takes one image (ImageUploadDto) for the media module to check and
 * store: the body, the operation's own errors then the media module's refusals, and its budget.
 */
export function ApiImageUpload(
  spec: Pick<ApiDocSpec, 'summary' | 'description'> & { errors?: ApiDocSpec['errors'] },
): MethodDecorator {
  return applyDecorators(
    ApiFileBody(ImageUploadDto),
    ApiDoc({
      ...spec,
      errors: [
        ...(spec.errors ?? []),
        MediaErrors.tooLarge,
        MediaErrors.typeUnsupported,
        MediaErrors.dimensionsTooLarge,
        MediaErrors.imageInvalid,
      ],
      limits: [MediaLimits.uploadsPerUser],
    }),
  );
}

/** The request's image (the `file` part of ImageUploadDto) as a stream, read within `limits`. */
export function uploadedImage(req: Request, limits: Omit<SingleFileOptions, 'field'>): Readable {
  return singleFileUpload(req, { field: 'file', ...limits });
}
