import { AuthErrorCodes } from './error-codes/auth';
import { ChatErrorCodes } from './error-codes/chat';
import { CommonErrorCodes } from './error-codes/common';
import { MediaErrorCodes } from './error-codes/media';
import { PostErrorCodes } from './error-codes/post';
import { RealtimeErrorCodes } from './error-codes/realtime';
import { StudyErrorCodes } from './error-codes/study';
import { UserErrorCodes } from './error-codes/user';

export {
  AuthErrorCodes,
  ChatErrorCodes,
  CommonErrorCodes,
  MediaErrorCodes,
  PostErrorCodes,
  RealtimeErrorCodes,
  StudyErrorCodes,
  UserErrorCodes,
};

/**
 * Every stable error code the API can answer with, over HTTP and in socket acks: one file per
 * module in `error-codes/` (a new module adds its own file and spreads it here, in name order).
 */
export const ErrorCodes = [
  ...AuthErrorCodes,
  ...ChatErrorCodes,
  ...CommonErrorCodes,
  ...MediaErrorCodes,
  ...PostErrorCodes,
  ...RealtimeErrorCodes,
  ...StudyErrorCodes,
  ...UserErrorCodes,
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
  | {
      ok: false;
      error: {
        code: ErrorCode;
        message: string;
        errors?: FieldError[];
        /** Seconds to wait before trying again (a 429 or 503), as REST's `Retry-After`. */
        retryAfterSec?: number;
      };
    };
