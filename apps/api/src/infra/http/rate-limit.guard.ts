import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app.config';
import { RateLimitRule, RateLimitService } from './rate-limit.service';

const RULE_OVERRIDE = 'orgo:api-rate-limit';
const EXEMPT = 'orgo:api-rate-limit-exempt';
const CHARGED = Symbol('orgo:rate-limit-charged');

type ChargedRequest = Request & { user?: { userId: string } | null; [CHARGED]?: boolean };

/** Replaces the global per-user/per-IP budget for one route (e.g. cacheable images in a feed). */
export const ApiRateLimit = (rule: RateLimitRule) => SetMetadata(RULE_OVERRIDE, rule);

/** Leaves a route out of the API budget: health probes must answer whatever Redis is doing. */
export const NoApiRateLimit = () => SetMetadata(EXEMPT, true);

/**
 * Marks a guard class that authenticates the request. A route behind one is charged by that
 * guard once it knows who is asking (`RateLimitGuard.charge`), so it is per user; every other
 * route is charged per IP before its guards run.
 */
export const AUTHENTICATES = Symbol('orgo:authenticates');

/**
 * The global API budget of HTTP requests: per user when authenticated, per IP otherwise.
 *
 * A guard, not an interceptor: Nest 12 runs global enhancers on gateway events too, and any
 * interceptor puts every socket event through an RxJS pipeline (~5 % of the API's CPU under chat
 * load, docs/benchmarks.md). A guard costs a socket event one call that returns at once.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http' || !this.limits.enabled) return true;
    if (authenticates(context)) return true; // its auth guard charges the user
    if (this.reflector.get<boolean | undefined>(EXEMPT, context.getHandler())) return true;
    return this.charge(context).then(() => true);
  }

  /**
   * Charges the request to its user (set by an auth guard) or, when anonymous, to its IP; once,
   * even when a route lists its auth guard twice (class and method).
   */
  async charge(context: ExecutionContext): Promise<void> {
    if (context.getType() !== 'http' || !this.limits.enabled) return;
    const req = context.switchToHttp().getRequest<ChargedRequest>();
    if (req[CHARGED]) return;
    req[CHARGED] = true;
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
    const state = await this.limits.hit(rule, userId ?? req.ip ?? 'unknown');
    for (const [k, v] of Object.entries(RateLimitService.headers(state))) res.setHeader(k, v);
    RateLimitService.assertWithin(state);
  }
}

function authenticates(context: ExecutionContext): boolean {
  const guards = [
    ...((Reflect.getMetadata(GUARDS_METADATA, context.getClass()) as unknown[]) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, context.getHandler()) as unknown[]) ?? []),
  ];
  return guards.some((g) => {
    const type = (typeof g === 'function' ? g : (g as object)?.constructor) as
      (Type & { [AUTHENTICATES]?: boolean }) | undefined;
    return type?.[AUTHENTICATES] === true;
  });
}

/** The budget a route set with `@ApiRateLimit`, if any (the API docs describe it). */
/** Whether a route is outside the API budget (`@NoApiRateLimit()`: health probes). */
export function isRateLimitExempt(handler: object): boolean {
  return Reflect.getMetadata(EXEMPT, handler) === true;
}

export function rateLimitOverride(handler: object): RateLimitRule | undefined {
  return Reflect.getMetadata(RULE_OVERRIDE, handler) as RateLimitRule | undefined;
}
