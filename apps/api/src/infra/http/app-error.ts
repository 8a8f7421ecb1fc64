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
