import { ExecutionContext, Inject, Injectable, createParamDecorator } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DOCUMENTED_ERRORS } from '../../infra/http/api-doc';
import { AppError } from '../../infra/http/app-error';
import { AUTHENTICATES, RateLimitGuard } from '../../infra/http/rate-limit.guard';
import { AuthErrors } from './auth.errors';
import type { Principal } from './auth.service';

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  /** The API budget of its routes is charged here, to the user once known (RateLimitGuard). */
  static readonly [AUTHENTICATES] = true;
  static readonly [DOCUMENTED_ERRORS] = [
    AuthErrors.unauthenticated,
    AuthErrors.tokenInvalid,
    AuthErrors.sessionRevoked,
  ];

  constructor(@Inject(RateLimitGuard) private readonly rateLimit: RateLimitGuard) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const ok = await (super.canActivate(context) as Promise<boolean>);
    if (ok) await this.rateLimit.charge(context);
    return ok;
  }

  override handleRequest<T = Principal>(err: unknown, user: T | false, info: unknown): T {
    if (err instanceof AppError) throw err;
    if (err || !user) {
      const noToken = info instanceof Error && /No auth token/i.test(info.message);
      throw noToken ? AuthErrors.unauthenticated() : AuthErrors.tokenInvalid();
    }
    return user;
  }
}

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => {
    return ctx.switchToHttp().getRequest<Request & { user: Principal }>().user;
  },
);
