import type { ExecutionContext } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { AppError } from '../http/app-error';
import { JwtAuthGuard } from './jwt-auth.guard';
import type { Principal } from './principal';
import { RequireVerifiedEmail, VerifiedEmailGuard } from './verified-email.guard';

function contextWith(user: Principal | undefined): ExecutionContext {
  return { switchToHttp: () => ({ getRequest: () => ({ user }) }) } as unknown as ExecutionContext;
}

const principal = (emailVerified: boolean): Principal => ({
  userId: 'u1',
  sessionId: 's1',
  emailVerified,
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
  return undefined;
}

describe('VerifiedEmailGuard', () => {
  const guard = new VerifiedEmailGuard();

  it('lets a verified user through', () => {
    expect(guard.canActivate(contextWith(principal(true)))).toBe(true);
  });

  it('refuses an unverified user with 403 AUTH_EMAIL_NOT_VERIFIED', () => {
    expect(codeOf(() => guard.canActivate(contextWith(principal(false))))).toBe(
      '403 AUTH_EMAIL_NOT_VERIFIED',
    );
  });

  it('refuses a request that was never authenticated', () => {
    expect(codeOf(() => guard.canActivate(contextWith(undefined)))).toBe(
      '401 AUTH_UNAUTHENTICATED',
    );
  });
});

describe('@RequireVerifiedEmail()', () => {
  it('authenticates first, then checks the email', () => {
    class PostsController {
      @RequireVerifiedEmail()
      create(): void {}
    }
    const guards: unknown[] = Reflect.getMetadata(
      GUARDS_METADATA,
      Object.getOwnPropertyDescriptor(PostsController.prototype, 'create')!.value as object,
    );
    expect(guards).toEqual([JwtAuthGuard, VerifiedEmailGuard]);
  });
});
