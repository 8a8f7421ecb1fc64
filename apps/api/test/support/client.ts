import { randomBytes } from 'node:crypto';
import { io, Socket } from 'socket.io-client';

// Random start per test file: files share one Redis prefix, so addresses must not repeat across them.
let ipCounter = randomBytes(3).readUIntBE(0, 3);

/** Each simulated client has its own address (via the trusted loopback proxy hop), like real users. */
export function newClientIp(): string {
  const n = ipCounter++ % 16_777_216;
  // IPv6 documentation prefix: only ever a header value, never an address traffic goes to.
  return `2001:db8::${(n >> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  readonly ip = newClientIp();
  accessToken?: string;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    opts: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, ...opts.headers };
    if (this.accessToken && !('authorization' in headers))
      headers.authorization = `Bearer ${this.accessToken}`;
    let payload: string | undefined = opts.raw;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(opts.body);
    } else if (opts.raw !== undefined) {
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      redirect: 'manual',
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: body as T, headers: res.headers };
  }

  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, { body, headers });
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, { headers });
  }

  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, { body });
  }

  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Signs up a fresh user and keeps its tokens. */
  async signup(overrides: Partial<{ email: string; password: string; nickname: string }> = {}) {
    const email = overrides.email ?? `u${randomBytes(5).toString('hex')}@example.com`;
    const password = overrides.password ?? `climb-${randomBytes(6).toString('hex')}`;
    const res = await this.post('/api/auth/signup', {
      email,
      password,
      ...(overrides.nickname ? { nickname: overrides.nickname } : {}),
    });
    if (res.status !== 201)
      throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.accessToken = res.body.accessToken;
    return {
      email,
      password,
      refreshToken: res.body.refreshToken as string,
      userId: res.body.user.id as string,
      body: res.body,
    };
  }

  socket(
    namespace: string,
    opts: {
      token?: string | null;
      origin?: string;
      query?: Record<string, string>;
      ip?: string;
    } = {},
  ): Socket {
    const token = opts.token === undefined ? this.accessToken : opts.token;
    return io(`${this.baseUrl}${namespace}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: token === null ? {} : { token },
      query: opts.query,
      extraHeaders: {
        'x-forwarded-for': opts.ip ?? this.ip,
        ...(opts.origin ? { origin: opts.origin } : {}),
      },
    });
  }
}

export function connected(socket: Socket, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('socket did not connect')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(t);
      resolve();
    });
    socket.once('connect_error', (err) => {
      clearTimeout(t);
      reject(err);
    });
  });
}

export function connectError(
  socket: Socket,
  timeoutMs = 5000,
): Promise<Error & { data?: { code: string } }> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('expected connect_error')), timeoutMs);
    socket.once('connect', () => reject(new Error('socket connected but should not have')));
    socket.once('connect_error', (err) => {
      clearTimeout(t);
      resolve(err as Error & { data?: { code: string } });
    });
  });
}

export function nextEvent<T = any>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(t);
      resolve(payload);
    });
  });
}

export function cookieValue(headers: Headers, name: string): string | undefined {
  const all = headers.getSetCookie();
  for (const c of all) {
    const [pair] = c.split(';');
    const [k, v] = pair.split('=');
    if (k.trim() === name) return v;
  }
  return undefined;
}
