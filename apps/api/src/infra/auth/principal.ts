import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling: set on the request by JwtAuthGuard (or OptionalJwtAuthGuard). */
export interface Principal {
  userId: string;
  sessionId: string;
  /** Read from the user row on every request, so verifying takes effect at once. */
  emailVerified: boolean;
}

/** The principal behind a JwtAuthGuard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => {
    return ctx.switchToHttp().getRequest<Request & { user: Principal }>().user;
  },
);

/** The signed-in principal behind an OptionalJwtAuthGuard, or null for an anonymous visitor. */
export const CurrentViewer = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal | null => {
    return ctx.switchToHttp().getRequest<Request & { user?: Principal | null }>().user ?? null;
  },
);
