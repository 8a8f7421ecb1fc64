/** Error codes of any module: validation, rate limits, permissions, payload size, internal errors. */
export const CommonErrorCodes = [
  'COMMON_FORBIDDEN',
  'COMMON_INTERNAL',
  'COMMON_NOT_FOUND',
  'COMMON_ORIGIN_FORBIDDEN',
  'COMMON_PAYLOAD_TOO_LARGE',
  'COMMON_RATE_LIMITED',
  'COMMON_SERVICE_UNAVAILABLE',
  'COMMON_VALIDATION_FAILED',
] as const;
