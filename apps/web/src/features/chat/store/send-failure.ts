/**
 * Refusals that sending the same message again cannot change: the retry button is left out for
 * them, and the reason is shown instead. Anything else (a timeout, a rate limit, a server fault)
 * may go through on a later try.
 */
const FINAL_CODES = new Set<string>([
  'AUTH_EMAIL_NOT_VERIFIED',
  'CHAT_DIRECT_BLOCKED',
  'CHAT_DIRECT_NOT_ALLOWED',
  'CHAT_IMAGE_NOT_FOUND',
  'CHAT_IMAGE_OTHER_ROOM',
  'CHAT_MEMBER_NOT_FOUND',
  'CHAT_MESSAGE_CLIENT_ID_REUSED',
  'CHAT_MESSAGE_NOT_FOUND',
  'CHAT_ROOM_NOT_FOUND',
  'COMMON_FORBIDDEN',
  'COMMON_PAYLOAD_TOO_LARGE',
  'COMMON_VALIDATION_FAILED',
]);

export function canRetrySend(errorCode: string | undefined): boolean {
  return errorCode === undefined || !FINAL_CODES.has(errorCode);
}
