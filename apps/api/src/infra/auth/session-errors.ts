import { AppError } from '../http/app-error';

/** The errors of the guards and of any check on who is calling (shared with the auth module). */
export const SessionErrors = {
  emailNotVerified: () =>
    new AppError('AUTH_EMAIL_NOT_VERIFIED', 403, 'Verify your email address before doing this.'),
  sessionRevoked: () =>
    new AppError('AUTH_SESSION_REVOKED', 401, 'This session has ended. Please log in again.'),
  tokenInvalid: () =>
    new AppError('AUTH_TOKEN_INVALID', 401, 'The access token is invalid or expired.'),
  unauthenticated: () => new AppError('AUTH_UNAUTHENTICATED', 401, 'Authentication is required.'),
};
