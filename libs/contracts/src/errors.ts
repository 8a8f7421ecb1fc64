/** Every stable error code the API can answer with, over HTTP and in socket acks. */
export const ErrorCodes = [
  'AUTH_CREDENTIALS_INVALID',
  'AUTH_CSRF_FAILED',
  'AUTH_EMAIL_ALREADY_VERIFIED',
  'AUTH_EMAIL_CODE_EXPIRED',
  'AUTH_EMAIL_CODE_INVALID',
  'AUTH_EMAIL_CODE_LOCKED',
  'AUTH_EMAIL_LINK_INVALID',
  'AUTH_EMAIL_NOT_VERIFIED',
  'AUTH_EMAIL_TAKEN',
  'AUTH_OAUTH_CODE_INVALID',
  'AUTH_OAUTH_DENIED',
  'AUTH_OAUTH_EMAIL_UNVERIFIED',
  'AUTH_OAUTH_ID_TOKEN_INVALID',
  'AUTH_OAUTH_LINK_REQUIRES_VERIFIED',
  'AUTH_OAUTH_PROVIDER_ERROR',
  'AUTH_OAUTH_STATE_INVALID',
  'AUTH_PASSWORD_INCORRECT',
  'AUTH_PASSWORD_NOT_SET',
  'AUTH_PASSWORD_TOO_COMMON',
  'AUTH_PROVIDER_UNAVAILABLE',
  'AUTH_REFRESH_INVALID',
  'AUTH_REFRESH_REUSED',
  'AUTH_RESET_TOKEN_INVALID',
  'AUTH_SESSION_NOT_FOUND',
  'AUTH_SESSION_REVOKED',
  'AUTH_TOKEN_INVALID',
  'AUTH_UNAUTHENTICATED',
  'CHAT_DIRECT_BLOCKED',
  'CHAT_DIRECT_NOT_ALLOWED',
  'CHAT_DIRECT_SELF',
  'CHAT_IMAGE_NOT_FOUND',
  'CHAT_MEMBER_NOT_FOUND',
  'CHAT_MESSAGE_CLIENT_ID_REUSED',
  'CHAT_MESSAGE_NOT_FOUND',
  'CHAT_MESSAGE_NOT_OWN',
  'CHAT_ROOM_FULL',
  'CHAT_ROOM_NOT_FOUND',
  'CHAT_ROOM_NOT_GROUP',
  'CHAT_ROOM_OWNER_ONLY',
  'CHAT_USER_NOT_FOUND',
  'COMMON_FORBIDDEN',
  'COMMON_INTERNAL',
  'COMMON_NOT_FOUND',
  'COMMON_ORIGIN_FORBIDDEN',
  'COMMON_PAYLOAD_TOO_LARGE',
  'COMMON_RATE_LIMITED',
  'COMMON_VALIDATION_FAILED',
  'MEDIA_DIMENSIONS_TOO_LARGE',
  'MEDIA_IMAGE_INVALID',
  'MEDIA_NOT_FOUND',
  'MEDIA_TOO_LARGE',
  'MEDIA_TYPE_UNSUPPORTED',
  'REALTIME_EVENT_UNKNOWN',
  'REALTIME_SLOW_CONSUMER',
  'USER_BLOCK_SELF',
  'USER_FOLLOW_BLOCKED',
  'USER_FOLLOW_SELF',
  'USER_MUTE_SELF',
  'USER_NICKNAME_TAKEN',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details with our stable `code`; also the `error` of a failed socket ack. */
export interface ApiErrorBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  requestId?: string;
}

export type Ack<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; errors?: FieldError[] } };
