import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse } from '@nestjs/swagger';
import { JwtAuthGuard } from './jwt-auth.guard';
import type { Principal } from './principal';
import { SessionErrors } from './session-errors';

/** Runs after JwtAuthGuard; the principal carries the email state read on this very request. */
@Injectable()
export class VerifiedEmailGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!principal) throw SessionErrors.unauthenticated();
    if (!principal.emailVerified) throw SessionErrors.emailNotVerified();
    return true;
  }
}

/**
 * For routes that write community content (post, comment, chat, join a study): signed in and
 * email verified, else 401 / 403 `AUTH_EMAIL_NOT_VERIFIED`.
 */
export function RequireVerifiedEmail(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(JwtAuthGuard, VerifiedEmailGuard),
    ApiBearerAuth(),
    ApiForbiddenResponse({ description: '`AUTH_EMAIL_NOT_VERIFIED` until the email is verified.' }),
  );
}
