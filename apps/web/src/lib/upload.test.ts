import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTokens } from '@/testing/factories';
import { FakeXhr, problemBody } from '@/testing/fake-xhr';
import { ApiError } from './api-error';
import type { RefreshResult } from './api-client';
import { createAuthSession, type AuthSessionStore } from './auth-session';
import { createUploader, isAbortError } from './upload';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const file = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'me.png', { type: 'image/png' });

describe('uploader', () => {
  let session: AuthSessionStore;

  beforeEach(() => {
    FakeXhr.instances = [];
    session = createAuthSession();
    session.signIn(buildTokens({ accessToken: 'old' }));
  });

  const uploader = (refresh: () => Promise<RefreshResult> = async () => 'failed') =>
    createUploader({
      session,
      refreshSession: refresh,
      createXhr: () => new FakeXhr() as unknown as XMLHttpRequest,
    });

  it('sends the file as multipart with the bearer token and reports progress', async () => {
    const progress: number[] = [];
    const pending = uploader()<{ ok: boolean }>({
      method: 'PUT',
      url: '/api/users/me/avatar',
      file: file(),
      onProgress: (f) => progress.push(f),
    });
    const xhr = FakeXhr.latest();
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe('/api/users/me/avatar');
    expect(xhr.headers.authorization).toBe('Bearer old');
    expect((xhr.body!.get('file') as File).size).toBe(4);

    xhr.progress(25, 100);
    xhr.progress(100, 100);
    xhr.respond(200, { ok: true });
    await expect(pending).resolves.toEqual({ ok: true });
    expect(progress).toEqual([0.25, 1]);
  });

  it('throws problem details as ApiError with Retry-After', async () => {
    const pending = uploader()({ method: 'PUT', url: '/u', file: file() });
    FakeXhr.latest().respond(429, problemBody(429, 'COMMON_RATE_LIMITED'), { 'Retry-After': '90' });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'COMMON_RATE_LIMITED', retryAfter: 90 });
  });

  it('refreshes an expired token once and sends again', async () => {
    const refresh = vi.fn(async (): Promise<RefreshResult> => {
      session.signIn(buildTokens({ accessToken: 'new' }));
      return 'refreshed';
    });
    const pending = uploader(refresh)({ method: 'PUT', url: '/u', file: file() });
    FakeXhr.latest().respond(401, problemBody(401, 'AUTH_TOKEN_INVALID'));
    await tick();
    expect(refresh).toHaveBeenCalledTimes(1);
    const retry = FakeXhr.latest();
    expect(FakeXhr.instances).toHaveLength(2);
    expect(retry.headers.authorization).toBe('Bearer new');
    retry.respond(200, { id: '1' });
    await expect(pending).resolves.toEqual({ id: '1' });
  });

  it('reports a network failure as TypeError and a cancel as AbortError', async () => {
    const failed = uploader()({ method: 'PUT', url: '/u', file: file() });
    FakeXhr.latest().failNetwork();
    await expect(failed).rejects.toBeInstanceOf(TypeError);

    const controller = new AbortController();
    const cancelled = uploader()({
      method: 'PUT',
      url: '/u',
      file: file(),
      signal: controller.signal,
    });
    controller.abort();
    expect(FakeXhr.latest().isAborted).toBe(true);
    expect(isAbortError(await cancelled.catch((e: unknown) => e))).toBe(true);
  });
});
