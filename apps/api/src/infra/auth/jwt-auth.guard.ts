import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AUTHENTICATES, RateLimitGuard } from '../http/rate-limit.guard';
import type { Principal } from './principal';
import { SessionErrors } from './session-errors';
import { SessionVerifier } from './session-verifier';

type AuthRequest = Request & { user?: Principal | null };

/** `Authorization: <scheme> <value>`: the value when the scheme is Bearer (any case). */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /(\S+)\s+(\S+)/.exec(header);
  return match && match[1].toLowerCase() === 'bearer' ? match[2] : undefined;
}

/** Signed in: a valid bearer access token of a live session, else 401. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  /** The API budget of its routes is charged here, to the user once known (RateLimitGuard). */
  static readonly [AUTHENTICATES] = true;

  constructor(
    @Inject(SessionVerifier) private readonly sessions: SessionVerifier,
    @Inject(RateLimitGuard) private readonly rateLimit: RateLimitGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthRequest>();
    req.user = await this.principalOf(bearerToken(req));
    await this.rateLimit.charge(context);
    return true;
  }

  /** No token → 401 `AUTH_UNAUTHENTICATED`; a token that does not verify → its AppError. */
  protected async principalOf(token: string | undefined): Promise<Principal | null> {
    if (!token) throw SessionErrors.unauthenticated();
    return this.verify(token);
  }

  /**
   * A token that does not verify is the verifier's AppError (401). Anything else is a failing
   * dependency (the session lookup's database), answered 503 by the filter: a 401 there would make
   * the client drop a perfectly good session during a database hiccup.
   */
  protected verify(token: string): Promise<Principal> {
    return this.sessions.verifyAccessToken(token);
  }
}
