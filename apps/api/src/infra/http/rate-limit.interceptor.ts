import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable, from, switchMap } from 'rxjs';
import { AppConfig } from '../../config/app.config';
import { RateLimitRule, RateLimitService } from './rate-limit.service';

const RULE_OVERRIDE = 'orgo:api-rate-limit';

/** Replaces the global per-user/per-IP budget for one route (e.g. cacheable images in a feed). */
export const ApiRateLimit = (rule: RateLimitRule) => SetMetadata(RULE_OVERRIDE, rule);

/** Global API budget: per user when authenticated (runs after guards), per IP otherwise. */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !this.limits.enabled) return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: { userId: string } }>();
    const res = context.switchToHttp().getResponse<Response>();
    const userId = req.user?.userId;
    const override = this.reflector.get<RateLimitRule | undefined>(
      RULE_OVERRIDE,
      context.getHandler(),
    );
    const rule =
      override ??
      (userId
        ? { name: 'api-user', limit: this.config.env.RATE_LIMIT_USER_PER_MIN, windowSec: 60 }
        : { name: 'api-ip', limit: this.config.env.RATE_LIMIT_ANON_PER_MIN, windowSec: 60 });
    return from(this.limits.hit(rule, userId ?? req.ip ?? 'unknown')).pipe(
      switchMap((state) => {
        for (const [k, v] of Object.entries(RateLimitService.headers(state))) res.setHeader(k, v);
        RateLimitService.assertWithin(state);
        return next.handle();
      }),
    );
  }
}
