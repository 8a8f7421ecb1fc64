import { AppError } from '../../infra/http/app-error';
import { MEDIA_MAX_BYTES, MEDIA_MAX_PIXELS } from './media.policy';

export const MediaErrors = {
  dimensionsTooLarge: () =>
    new AppError(
      'MEDIA_DIMENSIONS_TOO_LARGE',
      422,
      `The image has too many pixels (at most ${MEDIA_MAX_PIXELS.toLocaleString('en')}).`,
    ),
  imageInvalid: () =>
    new AppError('MEDIA_IMAGE_INVALID', 422, 'The image could not be read; it may be damaged.'),
  notFound: () => new AppError('MEDIA_NOT_FOUND', 404, 'Media not found.'),
  tooLarge: () =>
    new AppError(
      'MEDIA_TOO_LARGE',
      413,
      `The file is too large (at most ${MEDIA_MAX_BYTES / 1024 / 1024} MB).`,
    ),
  typeUnsupported: () =>
    new AppError(
      'MEDIA_TYPE_UNSUPPORTED',
      415,
      'Only JPEG, PNG, WebP and GIF images are accepted.',
    ),
};
