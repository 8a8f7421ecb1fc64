import { asyncApiDocument } from '@orgo/contracts';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/client';
import { ApiProcess, startApi } from '../support/api-process';
import { repoRoot } from '../support/env';

let api: ApiProcess;

beforeAll(async () => {
  api = await startApi({ RATE_LIMIT_ANON_PER_MIN: '8' });
});

afterAll(async () => {
  await api?.stop();
});

describe('health, metrics and docs', () => {
  it('reports liveness and readiness of the database and Redis', async () => {
    const c = new ApiClient(api.url);
    expect((await c.get('/api/health/live')).status).toBe(200);
    const ready = await c.get('/api/health/ready');
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('exposes Prometheus metrics', async () => {
    const res = await new ApiClient(api.url).get('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/orgo_http_request_duration_seconds_bucket/);
    expect(res.body).toMatch(/process_resident_memory_bytes/);
    expect(res.body).toMatch(/orgo_socket_connections_total/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await new ApiClient(api.url).get('/api/docs.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/signup', '/api/auth/refresh', '/api/auth/sessions/{id}']),
    );
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.summary).toBeTruthy();
    expect(login.responses['401'].content['application/problem+json'].schema.allOf[1]).toEqual({
      type: 'object',
      properties: { code: { type: 'string', enum: ['AUTH_CREDENTIALS_INVALID'] } },
    });
  });

  it('serves the AsyncAPI document of the Socket.IO events and a readable page of it', async () => {
    const c = new ApiClient(api.url);
    const json = await c.get('/api/docs/asyncapi.json');
    expect(json.status).toBe(200);
    expect(json.body).toEqual(asyncApiDocument);
    expect(
      Object.values(json.body.channels).map((ch) => (ch as { address: string }).address),
    ).toEqual(expect.arrayContaining(['/chat', '/user']));

    const page = await c.get<string>('/api/docs/asyncapi');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.body).toContain('<code>message.send</code>');
    expect(page.body).toContain('<code>presence.updated</code>');
    expect(page.body).not.toMatch(/<script/i);
  });
});

describe('HTTP hardening', () => {
  it('sends a strict CSP, HSTS, nosniff and no-store', async () => {
    const res = await new ApiClient(api.url).get('/api/health/live');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('strict-transport-security')).toMatch(
      /max-age=31536000; includeSubDomains/,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('allows CORS only for the app origin', async () => {
    const c = new ApiClient(api.url);
    const good = await c.request('OPTIONS', '/api/auth/login', {
      headers: { origin: api.origin, 'access-control-request-method': 'POST' },
    });
    expect(good.headers.get('access-control-allow-origin')).toBe(api.origin);
    expect(good.headers.get('access-control-allow-credentials')).toBe('true');
    const bad = await c.request('OPTIONS', '/api/auth/login', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
    const nullOrigin = await c.request('OPTIONS', '/api/auth/login', {
      headers: { origin: 'null', 'access-control-request-method': 'POST' },
    });
    expect(nullOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown routes with a problem body and echoes a valid request id', async () => {
    const res = await new ApiClient(api.url).get('/api/nope', { 'x-request-id': 'req-12345678' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      status: 404,
      code: 'COMMON_NOT_FOUND',
      requestId: 'req-12345678',
    });
    expect(res.headers.get('x-request-id')).toBe('req-12345678');
  });

  it('refuses an oversized body with 413', async () => {
    const res = await new ApiClient(api.url).request('POST', '/api/auth/login', {
      raw: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(200_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('COMMON_PAYLOAD_TOO_LARGE');
  });

  it('limits anonymous traffic per address with RateLimit headers', async () => {
    const c = new ApiClient(api.url);
    const first = await c.get('/api/auth/providers');
    expect(first.headers.get('ratelimit-limit')).toBe('8');
    expect(first.headers.get('ratelimit-remaining')).toBe('7');
    for (let i = 0; i < 7; i++) await c.get('/api/auth/providers');
    const limited = await c.get('/api/auth/providers');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('COMMON_RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await new ApiClient(api.url).get('/api/auth/providers')).status).toBe(200);
    // Health probes are never limited: the same address still gets its answers.
    const live = await c.get('/api/health/live');
    expect([live.status, live.headers.get('ratelimit-limit')]).toEqual([200, null]);
    expect((await c.get('/api/health/ready')).status).toBe(200);
  });

  it('charges a signed-in request to its user, not to the address', async () => {
    const c = new ApiClient(api.url);
    const { userId } = await c.signup();
    // More requests from one address than the anonymous budget (8), all signed in.
    for (let i = 0; i < 10; i++) expect((await c.get('/api/users/me')).status).toBe(200);
    const me = await c.get('/api/users/me');
    expect([me.status, me.headers.get('ratelimit-limit')]).toEqual([200, '200']);
    expect(Number(me.headers.get('ratelimit-remaining'))).toBe(200 - 11);
    // A route open to visitors: the token decides whose budget it is.
    const seen = await c.get(`/api/users/${userId}`);
    expect([seen.status, seen.headers.get('ratelimit-limit')]).toEqual([200, '200']);
    const visitor = await new ApiClient(api.url).get(`/api/users/${userId}`);
    expect([visitor.status, visitor.headers.get('ratelimit-limit')]).toEqual([200, '8']);
    // A bad token is refused before anything is charged.
    const forged = await c.get('/api/users/me', { authorization: 'Bearer not-a-token' });
    expect([forged.status, forged.headers.get('ratelimit-limit')]).toEqual([401, null]);
    const after = await c.get('/api/users/me');
    expect(Number(after.headers.get('ratelimit-remaining'))).toBe(200 - 13);
    // A route whose class and method both list the auth guard is still charged once.
    const group = await c.post('/api/chat/rooms', { name: 'x', memberIds: [] });
    expect([group.status, group.body.code]).toEqual([403, 'AUTH_EMAIL_NOT_VERIFIED']);
    const last = await c.get('/api/users/me');
    expect(Number(last.headers.get('ratelimit-remaining'))).toBe(200 - 15);
  });
});

describe('the built SPA', () => {
  let spa: ApiProcess;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'orgo-spa-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>OrGo</title>');
    writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // A file under api/ in the build must never shadow (or be served on) the API's paths.
    mkdirSync(join(dist, 'api'));
    writeFileSync(join(dist, 'api', 'leak.txt'), 'not for the API');
    spa = await startApi({ WEB_DIST: dist });
  });

  afterAll(async () => {
    await spa?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html on app routes, uncached, and hashed assets for a year', async () => {
    const page = await fetch(`${spa.url}/users/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>OrGo</title>');
    const asset = await fetch(`${spa.url}/assets/app-1a2b3c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await fetch(`${spa.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('never answers an API or Socket.IO path with the SPA or a file', async () => {
    for (const path of ['/api/no-such-route', '/api/leak.txt', '/api']) {
      const res = await fetch(`${spa.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Writes to an app route are not the SPA's either.
    const post = await fetch(`${spa.url}/users`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.text()).not.toContain('<title>OrGo</title>');
  });
});

describe('process lifecycle', () => {
  it('fails fast with a clear message on invalid configuration', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'apps/api/dist/main.js')], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port', JWT_SECRET: 'short' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(78);
    expect(err).toMatch(/Invalid configuration/);
    expect(err).toMatch(/PORT/);
    expect(err).toMatch(/JWT_SECRET/);
  });

  it('drains and exits 0 on SIGTERM, closing open sockets', async () => {
    const own = await startApi();
    const c = new ApiClient(own.url);
    await c.signup();
    const s = c.socket('/user');
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    const closed = new Promise((r) => s.once('disconnect', r));
    const code = await own.stop('SIGTERM');
    expect(code).toBe(0);
    await closed;
    s.disconnect();
  });
});
