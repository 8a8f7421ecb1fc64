import { beforeEach, describe, expect, it } from 'vitest';
import { buildMe, buildTokens } from '@/testing/factories';
import { createFakeFetch, json, problem } from '@/testing/fake-fetch';
import { createApiClient } from './api-client';
import { ApiError, unwrap } from './api-error';
import { createAuthSession, type AuthSessionStore } from './auth-session';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('api client', () => {
  let session: AuthSessionStore;

  beforeEach(() => {
    session = createAuthSession();
    session.signIn(buildTokens({ accessToken: 'old' }));
  });

  const meWithToken = (token: string) => (request: Request) =>
    request.headers.get('Authorization') === `Bearer ${token}`
      ? json(200, buildMe())
      : problem(401, 'AUTH_TOKEN_INVALID');

  it('attaches the access token from memory', async () => {
    const fetch = createFakeFetch({ 'GET /api/users/me': meWithToken('old') });
    const { client } = createApiClient({ fetch, session });

    await expect(unwrap(client.GET('/api/users/me'))).resolves.toEqual(buildMe());
  });

  it('refreshes once for concurrent 401s and retries each request with the new token', async () => {
    const refreshRequests: Request[] = [];
    const fetch = createFakeFetch({
      'GET /api/users/me': meWithToken('new'),
      'GET /api/auth/sessions': (request) =>
        request.headers.get('Authorization') === 'Bearer new'
          ? json(200, [])
          : problem(401, 'AUTH_UNAUTHENTICATED'),
      'POST /api/auth/refresh': async (request) => {
        refreshRequests.push(request.clone());
        await wait(20);
        return json(200, buildTokens({ accessToken: 'new' }));
      },
    });
    const { client } = createApiClient({ fetch, session });

    const results = await Promise.all([
      unwrap(client.GET('/api/users/me')),
      unwrap(client.GET('/api/users/me')),
      unwrap(client.GET('/api/auth/sessions')),
    ]);

    expect(results).toEqual([buildMe(), buildMe(), []]);
    expect(refreshRequests).toHaveLength(1);
    const [refresh] = refreshRequests;
    expect(refresh?.headers.get('X-CSRF')).toBe('1');
    expect(refresh?.credentials).toBe('include');
    await expect(refresh?.json()).resolves.toEqual({ useCookie: true });
    expect(session.getAccessToken()).toBe('new');
  });

  it('retries a request without a response body (204) with the new token', async () => {
    const seen: (string | null)[] = [];
    const fetch = createFakeFetch({
      'DELETE /api/auth/sessions/s1': async (request) => {
        seen.push(request.headers.get('Authorization'));
        return request.headers.get('Authorization') === 'Bearer new'
          ? new Response(null, { status: 204 })
          : problem(401, 'AUTH_TOKEN_INVALID');
      },
      'POST /api/auth/refresh': () => json(200, buildTokens({ accessToken: 'new' })),
    });
    const { client } = createApiClient({ fetch, session });

    await unwrap(client.DELETE('/api/auth/sessions/{id}', { params: { path: { id: 's1' } } }));
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
  });

  it('logs out and surfaces the 401 when the refresh is refused', async () => {
    const fetch = createFakeFetch({
      'GET /api/users/me': meWithToken('new'),
      'POST /api/auth/refresh': () => problem(401, 'AUTH_REFRESH_REUSED'),
    });
    const { client } = createApiClient({ fetch, session });

    const error = await unwrap(client.GET('/api/users/me')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('AUTH_TOKEN_INVALID');
    expect(session.getState().status).toBe('anonymous');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not refresh for other 401 codes, such as wrong credentials', async () => {
    const fetch = createFakeFetch({
      'POST /api/auth/login': () => problem(401, 'AUTH_CREDENTIALS_INVALID'),
    });
    const { client } = createApiClient({ fetch, session });

    await expect(
      unwrap(client.POST('/api/auth/login', { body: { email: 'a@b.co', password: 'x' } })),
    ).rejects.toMatchObject({ code: 'AUTH_CREDENTIALS_INVALID', status: 401 });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('starts a new refresh once the previous one has settled', async () => {
    let count = 0;
    const fetch = createFakeFetch({
      'POST /api/auth/refresh': () => json(200, buildTokens({ accessToken: `t${++count}` })),
    });
    const { refreshSession } = createApiClient({ fetch, session });

    await expect(refreshSession()).resolves.toBe('refreshed');
    await expect(refreshSession()).resolves.toBe('refreshed');
    expect(count).toBe(2);
    expect(session.getAccessToken()).toBe('t2');
  });

  it('ends the boot-time loading state as logged out when the server cannot be reached', async () => {
    const booting = createAuthSession();
    const fetch = createFakeFetch({
      'POST /api/auth/refresh': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const { refreshSession } = createApiClient({ fetch, session: booting });

    await expect(refreshSession()).resolves.toBe('failed');
    expect(booting.getState().status).toBe('anonymous');
  });

  it('keeps a logged-in user on a transient refresh failure', async () => {
    const fetch = createFakeFetch({
      'POST /api/auth/refresh': () => problem(503, 'COMMON_INTERNAL'),
    });
    const { refreshSession } = createApiClient({ fetch, session });

    await expect(refreshSession()).resolves.toBe('failed');
    expect(session.getAccessToken()).toBe('old');
  });

  it('reads Retry-After into the error', async () => {
    const fetch = createFakeFetch({
      'POST /api/auth/login': () =>
        problem(429, 'COMMON_RATE_LIMITED', { headers: { 'Retry-After': '42' } }),
    });
    const { client } = createApiClient({ fetch, session });

    await expect(
      unwrap(client.POST('/api/auth/login', { body: { email: 'a@b.co', password: 'x' } })),
    ).rejects.toMatchObject({ code: 'COMMON_RATE_LIMITED', retryAfter: 42 });
  });
});
