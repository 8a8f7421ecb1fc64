import type { ApiErrorBody } from '@orgo/contracts';
import { REFRESHABLE_CODES, refreshSession, type RefreshResult } from './api-client';
import { ApiError, parseRetryAfter } from './api-error';
import { authSession, type AuthSessionStore } from './auth-session';

export interface UploadRequest {
  method: 'POST' | 'PUT';
  url: string;
  file: Blob;
  /** The multipart field; the API's upload endpoints use `file`. */
  field?: string;
  /** Called with 0..1 as the browser sends the body. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface UploaderOptions {
  session: AuthSessionStore;
  refreshSession: () => Promise<RefreshResult>;
  createXhr?: () => XMLHttpRequest;
}

interface RawResponse {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

/**
 * Multipart uploads over XMLHttpRequest, because fetch cannot report upload progress. Same
 * contract as the API client: bearer token from memory, one refresh-and-retry on an expired
 * token, problem details thrown as ApiError, a network failure as TypeError.
 */
export function createUploader({
  session,
  refreshSession,
  createXhr = () => new XMLHttpRequest(),
}: UploaderOptions) {
  const send = (request: UploadRequest, token: string | null): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      if (request.signal?.aborted) return reject(abortError());
      const xhr = createXhr();
      xhr.open(request.method, request.url);
      xhr.responseType = 'text';
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0)
          request.onProgress?.(Math.min(1, event.loaded / event.total));
      };
      const onAbort = () => xhr.abort();
      request.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => request.signal?.removeEventListener('abort', onAbort);
      xhr.onload = () => {
        done();
        resolve({
          status: xhr.status,
          body: parseJson(xhr.responseText),
          retryAfter: xhr.getResponseHeader('Retry-After'),
        });
      };
      xhr.onerror = () => {
        done();
        reject(new TypeError('Network request failed'));
      };
      xhr.onabort = () => {
        done();
        reject(abortError());
      };
      const form = new FormData();
      form.append(request.field ?? 'file', request.file);
      xhr.send(form);
    });

  return async function upload<T>(request: UploadRequest): Promise<T> {
    const token = session.getAccessToken();
    let response = await send(request, token);
    if (response.status === 401 && REFRESHABLE_CODES.has(codeOf(response.body))) {
      const current = session.getAccessToken();
      const refreshed =
        current && current !== token ? true : (await refreshSession()) === 'refreshed';
      if (refreshed) {
        request.onProgress?.(0);
        response = await send(request, session.getAccessToken());
      }
    }
    if (response.status >= 200 && response.status < 300) return response.body as T;
    throw new ApiError(
      response.status,
      typeof response.body === 'object' && response.body !== null
        ? (response.body as Partial<ApiErrorBody>)
        : {},
      parseRetryAfter(response.retryAfter),
    );
  };
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function abortError(): DOMException {
  return new DOMException('The upload was cancelled.', 'AbortError');
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function codeOf(body: unknown): string {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

export const uploadFile = createUploader({ session: authSession, refreshSession });
