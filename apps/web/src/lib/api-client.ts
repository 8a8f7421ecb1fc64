import type { ApiErrorBody } from '@orgo/contracts';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './api-types';
import { authSession, type AuthSessionStore } from './auth-session';

/** `refreshed`: new tokens; `rejected`: the server refused (now logged out); `failed`: network or 5xx. */
export type RefreshResult = 'failed' | 'refreshed' | 'rejected';

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
  session: AuthSessionStore;
}

export interface ApiClient {
  client: Client<paths>;
  /** Single-flight: concurrent callers share one POST /api/auth/refresh. */
  refreshSession: () => Promise<RefreshResult>;
}

export const REFRESHABLE_CODES = new Set<string>(['AUTH_TOKEN_INVALID', 'AUTH_UNAUTHENTICATED']);
const ANONYMOUS_PATHS = new Set<string>([
  '/api/auth/login',
  '/api/auth/refresh',
  '/api/auth/signup',
]);
const REFRESH_LOCK = 'orgo.auth.refresh';

export const csrfHeaders = { 'X-CSRF': '1' } as const;

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.clone().json()) as Partial<ApiErrorBody>;
    return body.code;
  } catch {
    return undefined;
  }
}

// Tabs share one refresh cookie; rotating it from two tabs at once would look like token reuse.
async function withCrossTabLock(task: () => Promise<RefreshResult>): Promise<RefreshResult> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? await locks.request(REFRESH_LOCK, task) : await task();
}

export function createApiClient({
  baseUrl = '',
  fetch = (request) => globalThis.fetch(request),
  session,
}: ApiClientOptions): ApiClient {
  const raw = createClient<paths>({ baseUrl, fetch });
  let inflight: Promise<RefreshResult> | null = null;

  const runRefresh = async (): Promise<RefreshResult> => {
    try {
      const { data, response } = await raw.POST('/api/auth/refresh', {
        body: { useCookie: true },
        credentials: 'include',
        headers: csrfHeaders,
      });
      if (data) {
        session.signIn(data);
        return 'refreshed';
      }
      if (response.status >= 400 && response.status < 500) {
        session.signOut();
        return 'rejected';
      }
    } catch {
      // network failure: handled below like a 5xx
    }
    // Without an answer there is nothing to restore at boot; later, keep the user and let a retry decide.
    if (session.getState().status === 'loading') session.signOut();
    return 'failed';
  };

  const refreshSession = () => {
    inflight ??= withCrossTabLock(runRefresh).finally(() => {
      inflight = null;
    });
    return inflight;
  };

  const pending = new Map<string, { retry: Request; token: string | null }>();

  const auth: Middleware = {
    onRequest({ request, schemaPath, id }) {
      const token = session.getAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (!ANONYMOUS_PATHS.has(schemaPath)) pending.set(id, { retry: request.clone(), token });
      return request;
    },
    async onResponse({ response, id }) {
      const entry = pending.get(id);
      pending.delete(id);
      if (!entry || response.status !== 401) return undefined;
      if (!REFRESHABLE_CODES.has((await errorCode(response)) ?? '')) return undefined;

      // Another request may already have refreshed while this one was in flight.
      const current = session.getAccessToken();
      if (!current || current === entry.token) {
        if ((await refreshSession()) !== 'refreshed') return undefined;
      }
      const token = session.getAccessToken();
      if (!token) return undefined;
      entry.retry.headers.set('Authorization', `Bearer ${token}`);
      return fetch(entry.retry);
    },
    onError({ id }) {
      pending.delete(id);
    },
  };

  const client = createClient<paths>({ baseUrl, fetch });
  client.use(auth);
  return { client, refreshSession };
}

const instance = createApiClient({ session: authSession });

export const api = instance.client;
export const refreshSession = instance.refreshSession;
