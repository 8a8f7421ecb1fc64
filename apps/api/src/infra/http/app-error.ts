import type { ErrorCode, FieldError } from '@orgo/contracts';

/** The only error type services throw; the filters turn it into problem details or a socket ack. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Seconds a client is told to wait when a dependency is down. */
export const UNAVAILABLE_RETRY_AFTER_SEC = 5;

/** The 503 of a request that needs a dependency (database, Redis) that is down or too slow. */
export function serviceUnavailable(
  message = 'The service is temporarily unavailable. Try again shortly.',
  retryAfterSec = UNAVAILABLE_RETRY_AFTER_SEC,
): AppError {
  return new AppError('COMMON_SERVICE_UNAVAILABLE', 503, message, undefined, {
    'Retry-After': String(retryAfterSec),
  });
}
