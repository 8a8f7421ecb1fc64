import { AppError } from '../../infra/http/app-error';

export const AuthErrors = {
  credentialsInvalid: () =>
    new AppError('AUTH_CREDENTIALS_INVALID', 401, 'The email or password is incorrect.'),
  csrfFailed: () =>
    new AppError('AUTH_CSRF_FAILED', 403, 'Missing or invalid CSRF header or origin.'),
  emailTaken: () =>
    new AppError('AUTH_EMAIL_TAKEN', 409, 'An account with this email already exists.'),
  passwordTooCommon: () =>
    new AppError(
      'AUTH_PASSWORD_TOO_COMMON',
      400,
      'This password is too common. Choose another one.',
      [{ field: 'password', code: 'tooCommon', message: 'This password is too common.' }],
    ),
  refreshInvalid: () =>
    new AppError('AUTH_REFRESH_INVALID', 401, 'The refresh token is invalid or expired.'),
  refreshReused: () =>
    new AppError(
      'AUTH_REFRESH_REUSED',
      401,
      'This refresh token was already used; the session has been ended.',
    ),
  sessionNotFound: () => new AppError('AUTH_SESSION_NOT_FOUND', 404, 'Session not found.'),
  sessionRevoked: () =>
    new AppError('AUTH_SESSION_REVOKED', 401, 'This session has ended. Please log in again.'),
  tokenInvalid: () =>
    new AppError('AUTH_TOKEN_INVALID', 401, 'The access token is invalid or expired.'),
  unauthenticated: () => new AppError('AUTH_UNAUTHENTICATED', 401, 'Authentication is required.'),
};
