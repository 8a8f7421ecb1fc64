import { SessionErrors } from '../../infra/auth/session-errors';
import { AppError } from '../../infra/http/app-error';

export const AuthErrors = {
  ...SessionErrors,
  credentialsInvalid: () =>
    new AppError('AUTH_CREDENTIALS_INVALID', 401, 'The email or password is incorrect.'),
  csrfFailed: () =>
    new AppError('AUTH_CSRF_FAILED', 403, 'Missing or invalid CSRF header or origin.'),
  emailAlreadyVerified: () =>
    new AppError('AUTH_EMAIL_ALREADY_VERIFIED', 409, 'This email address is already verified.'),
  emailCodeExpired: () =>
    new AppError(
      'AUTH_EMAIL_CODE_EXPIRED',
      400,
      'This code has expired or was replaced. Request a new one.',
    ),
  emailCodeInvalid: (attemptsLeft: number) =>
    new AppError('AUTH_EMAIL_CODE_INVALID', 400, 'The code is incorrect.', [
      {
        field: 'code',
        code: 'incorrect',
        message: `The code is incorrect (${attemptsLeft} left).`,
      },
    ]),
  emailCodeLocked: () =>
    new AppError('AUTH_EMAIL_CODE_LOCKED', 400, 'Too many wrong codes. Request a new code.'),
  emailLinkInvalid: () =>
    new AppError(
      'AUTH_EMAIL_LINK_INVALID',
      400,
      'This verification link is invalid, expired or already used.',
    ),
  emailTaken: () =>
    new AppError('AUTH_EMAIL_TAKEN', 409, 'An account with this email already exists.'),
  passwordIncorrect: (field: string) =>
    new AppError('AUTH_PASSWORD_INCORRECT', 400, 'The password is incorrect.', [
      { field, code: 'incorrect', message: 'The password is incorrect.' },
    ]),
  passwordNotSet: () =>
    new AppError(
      'AUTH_PASSWORD_NOT_SET',
      409,
      'This account has no password yet. Set one with "forgot password".',
    ),
  passwordRequired: (field: string) =>
    new AppError('COMMON_VALIDATION_FAILED', 400, 'The request has invalid fields.', [
      { field, code: 'isNotEmpty', message: `${field} should not be empty` },
    ]),
  passwordTooCommon: (field = 'password') =>
    new AppError(
      'AUTH_PASSWORD_TOO_COMMON',
      400,
      'This password is too common. Choose another one.',
      [{ field, code: 'tooCommon', message: 'This password is too common.' }],
    ),
  passwordTooPersonal: (field = 'password') =>
    new AppError(
      'AUTH_PASSWORD_TOO_PERSONAL',
      400,
      'This password contains your email name or nickname. Choose another one.',
      [
        {
          field,
          code: 'tooPersonal',
          message: 'This password contains your email name or nickname.',
        },
      ],
    ),
  reauthRequired: () =>
    new AppError('AUTH_REAUTH_REQUIRED', 403, 'Sign in again to confirm this action.'),
  refreshInvalid: () =>
    new AppError('AUTH_REFRESH_INVALID', 401, 'The refresh token is invalid or expired.'),
  refreshReused: () =>
    new AppError(
      'AUTH_REFRESH_REUSED',
      401,
      'This refresh token was already used; the session has been ended.',
    ),
  resetTokenInvalid: () =>
    new AppError(
      'AUTH_RESET_TOKEN_INVALID',
      400,
      'This reset link is invalid, expired or already used.',
    ),
  sessionNotFound: () => new AppError('AUTH_SESSION_NOT_FOUND', 404, 'Session not found.'),
};
