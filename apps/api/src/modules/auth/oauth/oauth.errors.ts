import { AppError } from '../../../infra/http/app-error';

export const OAuthErrors = {
  codeInvalid: () =>
    new AppError(
      'AUTH_OAUTH_CODE_INVALID',
      401,
      'This sign-in code is invalid, expired or already used. Sign in again.',
    ),
  denied: () => new AppError('AUTH_OAUTH_DENIED', 401, 'Sign-in was cancelled at the provider.'),
  emailUnverified: () =>
    new AppError(
      'AUTH_OAUTH_EMAIL_UNVERIFIED',
      403,
      'The provider did not confirm a verified email address for this account.',
    ),
  idTokenInvalid: () =>
    new AppError('AUTH_OAUTH_ID_TOKEN_INVALID', 401, 'The provider ID token failed verification.'),
  linkRequiresVerified: () =>
    new AppError(
      'AUTH_OAUTH_LINK_REQUIRES_VERIFIED',
      409,
      'An account with this email exists but its email is not verified. Log in with your password and verify it first.',
    ),
  providerError: () =>
    new AppError(
      'AUTH_OAUTH_PROVIDER_ERROR',
      502,
      'The sign-in provider did not answer as expected.',
    ),
  providerUnavailable: () =>
    new AppError('AUTH_PROVIDER_UNAVAILABLE', 404, 'This sign-in provider is not available.'),
  stateInvalid: () =>
    new AppError(
      'AUTH_OAUTH_STATE_INVALID',
      400,
      'The sign-in request expired or did not start in this browser. Try again.',
    ),
};
