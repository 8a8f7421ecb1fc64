import type { ExecutionContext } from '@nestjs/common';
import { AppError } from '../http/app-error';
import type { RateLimitGuard } from '../http/rate-limit.guard';
import { bearerToken, JwtAuthGuard } from './jwt-auth.guard';
import { OptionalJwtAuthGuard } from './optional-jwt-auth.guard';
import type { Principal } from './principal';
import { SessionErrors } from './session-errors';
import { SessionVerifier } from './session-verifier';

const alice: Principal = { userId: 'u1', sessionId: 's1', emailVerified: true };

type FakeRequest = { headers: { authorization?: string }; user?: Principal | null };

function setup(verify: (token: string) => Promise<Principal>) {
  const verified: string[] = [];
  const charged: Array<Principal | null | undefined> = [];
  const verifier = new (class extends SessionVerifier {
    verifyAccessToken(token: string): Promise<Principal> {
      verified.push(token);
      return verify(token);
    }
  })();
  const rateLimit = {
    charge: async (ctx: ExecutionContext) => {
      charged.push(ctx.switchToHttp().getRequest<FakeRequest>().user);
    },
  } as unknown as RateLimitGuard;
  return {
    verified,
    charged,
    required: new JwtAuthGuard(verifier, rateLimit),
    optional: new OptionalJwtAuthGuard(verifier, rateLimit),
  };
}

function request(authorization?: string): { req: FakeRequest; ctx: ExecutionContext } {
  const req: FakeRequest = { headers: authorization === undefined ? {} : { authorization } };
  const ctx = { switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
  return { req, ctx };
}

async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'passed';
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
}

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['BEARER   abc', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    ['', undefined],
  ])('%j → %j', (header, token) => {
    expect(bearerToken({ headers: { authorization: header } } as never)).toBe(token);
  });

  it('no header → no token', () => {
    expect(bearerToken({ headers: {} } as never)).toBeUndefined();
  });
});

describe('JwtAuthGuard', () => {
  it('sets the verified principal, then charges the API budget to that user', async () => {
    const t = setup(async () => alice);
    const { req, ctx } = request('Bearer tok');
    await expect(t.required.canActivate(ctx)).resolves.toBe(true);
    expect(t.verified).toEqual(['tok']);
    expect(req.user).toEqual(alice);
    expect(t.charged).toEqual([alice]);
  });

  it.each([undefined, 'Basic abc', 'Bearer'])(
    'refuses %j with 401 AUTH_UNAUTHENTICATED without verifying or charging',
    async (header) => {
      const t = setup(async () => alice);
      expect(await codeOf(t.required.canActivate(request(header).ctx))).toBe(
        '401 AUTH_UNAUTHENTICATED',
      );
      expect(t.verified).toEqual([]);
      expect(t.charged).toEqual([]);
    },
  );

  it("passes the verifier's own error through (a revoked session)", async () => {
    const t = setup(() => Promise.reject(SessionErrors.sessionRevoked()));
    expect(await codeOf(t.required.canActivate(request('Bearer tok').ctx))).toBe(
      '401 AUTH_SESSION_REVOKED',
    );
    expect(t.charged).toEqual([]);
  });

  it('lets a failing dependency through (503 from the filter), never a 401 that signs the client out', async () => {
    const down = Object.assign(new Error('Connection terminated'), { code: '57P01' });
    const t = setup(() => Promise.reject(down));
    expect(await codeOf(t.required.canActivate(request('Bearer tok').ctx))).toBe(String(down));
    expect(await codeOf(t.optional.canActivate(request('Bearer tok').ctx))).toBe(String(down));
    expect(t.charged).toEqual([]);
  });
});

describe('OptionalJwtAuthGuard', () => {
  it('lets an anonymous visitor through as null, charged per IP', async () => {
    const t = setup(async () => alice);
    const { req, ctx } = request();
    await expect(t.optional.canActivate(ctx)).resolves.toBe(true);
    expect(req.user).toBeNull();
    expect(t.verified).toEqual([]);
    expect(t.charged).toEqual([null]);
  });

  it('sets the principal of a valid token', async () => {
    const t = setup(async () => alice);
    const { req, ctx } = request('Bearer tok');
    await expect(t.optional.canActivate(ctx)).resolves.toBe(true);
    expect(req.user).toEqual(alice);
    expect(t.charged).toEqual([alice]);
  });

  it('still refuses a bad token, so a stale client refreshes', async () => {
    const t = setup(() => Promise.reject(SessionErrors.tokenInvalid()));
    expect(await codeOf(t.optional.canActivate(request('Bearer stale').ctx))).toBe(
      '401 AUTH_TOKEN_INVALID',
    );
  });
});
