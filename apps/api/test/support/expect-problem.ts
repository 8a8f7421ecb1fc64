import type { ApiClient, HttpResult } from './client';

/** Asserts a problem-details answer: status, stable code, message and request id. */
export function expectProblem(res: HttpResult, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(typeof res.body.message).toBe('string');
  expect(res.body.requestId).toBeTruthy();
}

/**
 * Every session of an account is over: its clients are refused, its refresh token is dead and
 * the old password no longer logs in. `fresh` is a client with no token of that account.
 */
export async function expectSignedOutEverywhere(
  sessions: ApiClient[],
  fresh: ApiClient,
  old: { refreshToken: string; email: string; password: string },
): Promise<void> {
  for (const session of sessions)
    expectProblem(await session.get('/api/users/me'), 401, 'AUTH_SESSION_REVOKED');
  expectProblem(
    await fresh.post('/api/auth/refresh', { refreshToken: old.refreshToken }),
    401,
    'AUTH_REFRESH_INVALID',
  );
  expectProblem(
    await fresh.post('/api/auth/login', { email: old.email, password: old.password }),
    401,
    'AUTH_CREDENTIALS_INVALID',
  );
}
