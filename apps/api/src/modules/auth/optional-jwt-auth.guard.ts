import { ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { DOCUMENTED_ERRORS } from '../../infra/http/api-doc';
import { AppError } from '../../infra/http/app-error';
import { AuthErrors } from './auth.errors';
import type { Principal } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';

/**
 * For endpoints anonymous visitors may read: no token → anonymous; a bad or revoked token is
 * still an error, so a client with a stale token refreshes instead of silently losing its view.
 * Everything else (the API budget charged once the caller is known) is JwtAuthGuard's.
 */
@Injectable()
export class OptionalJwtAuthGuard extends JwtAuthGuard {
  static override readonly [DOCUMENTED_ERRORS] = [
    AuthErrors.tokenInvalid,
    AuthErrors.sessionRevoked,
  ];

  override handleRequest<T = Principal>(err: unknown, user: T | false, info: unknown): T {
    if (err instanceof AppError) throw err;
    if (!err && user) return user;
    const noToken = info instanceof Error && /No auth token/i.test(info.message);
    if (!err && noToken) return null as T;
    throw AuthErrors.tokenInvalid();
  }
}

/** The signed-in principal behind an OptionalJwtAuthGuard, or null for an anonymous visitor. */
export const CurrentViewer = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | null => {
    return ctx.switchToHttp().getRequest<Request & { user?: Principal | null }>().user ?? null;
  },
);
