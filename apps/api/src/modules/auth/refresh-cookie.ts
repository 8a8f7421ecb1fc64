import type { CookieOptions, Response } from 'express';
import type { AppConfig } from '../../config/app.config';
import type { IssuedTokens } from './auth.service';
import type { AuthTokensDto } from './dto/auth.dto';

export const REFRESH_COOKIE = '__Host-rt';

function options(config: AppConfig): CookieOptions {
  return { httpOnly: true, secure: config.env.COOKIE_SECURE, sameSite: 'strict', path: '/' };
}

/** Every sign-in answers alike: browsers get the refresh token as a cookie, API clients in the body. */
export function deliverTokens(
  tokens: IssuedTokens,
  useCookie: boolean | undefined,
  res: Response,
  config: AppConfig,
): AuthTokensDto {
  if (!useCookie) return tokens;
  res.cookie(REFRESH_COOKIE, tokens.refreshToken, {
    ...options(config),
    maxAge: config.env.REFRESH_ABSOLUTE_TTL_SEC * 1000,
  });
  const { refreshToken: _omitted, ...body } = tokens;
  return body;
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, options(config));
}
