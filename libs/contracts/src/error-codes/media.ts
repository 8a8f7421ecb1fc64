/** Error codes of uploads and image processing. */
export const MediaErrorCodes = [
  'MEDIA_DIMENSIONS_TOO_LARGE',
  'MEDIA_IMAGE_INVALID',
  'MEDIA_NOT_FOUND',
  'MEDIA_TOO_LARGE',
  'MEDIA_TYPE_UNSUPPORTED',
] as const;
