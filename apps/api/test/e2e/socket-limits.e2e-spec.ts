import { ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import { ApiClient, connected, connectError, newClientIp, nextEvent } from '../support/client';
import { ApiProcess, freePort, startApi } from '../support/api-process';
import { createUser, openSocket, TestUser } from '../factories';

// Starting APIs and signing up a classroom of users takes a while on a loaded machine.
jest.setTimeout(120_000);

const sockets: Socket[] = [];

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

/** A socket of `token` on `api`, sent from `ip` (the loopback proxy hop is trusted). */
function open(api: ApiProcess, namespace: string, token: string | undefined, ip: string): Socket {
  return openSocket(new ApiClient(api.url), namespace, { token, ip, track: sockets });
}

/** Resolves with the socket's fate: connected, or the code of its connect_error. */
function outcome(s: Socket, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('socket neither connected nor failed')), timeoutMs);
    s.once('connect', () => {
      clearTimeout(t);
      resolve('connected');
    });
    s.once('connect_error', (err: Error & { data?: { code?: string } }) => {
      clearTimeout(t);
      resolve(err.data?.code ?? err.message);
    });
  });
}

/** Retries `attempt` until it returns true or the deadline passes. */
async function eventually(attempt: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await attempt()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

function tally(results: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}

describe('sockets per user, across two instances sharing Redis', () => {
  const CAP = { SOCKETS_PER_USER: '3', WS_HANDSHAKES_PER_USER_PER_MIN: '100' };
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    [a, b] = await Promise.all([startApi(CAP), startApi(CAP)]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('connects exactly SOCKETS_PER_USER of 25 sockets and refuses the rest with a code', async () => {
    const u = await createUser(a.url);
    const tries = Array.from({ length: 25 }, (_, i) =>
      open(i % 2 ? b : a, '/user', u.api.accessToken, u.api.ip),
    );
    const results = await Promise.all(tries.map((s) => outcome(s)));
    expect(tally(results)).toEqual({ connected: 3, REALTIME_TOO_MANY_SOCKETS: 22 });
    // Each namespace has its own allowance.
    await connected(open(a, '/chat', u.api.accessToken, u.api.ip));
  });

  it('frees the place of a closed socket', async () => {
    const u = await createUser(a.url);
    const live = [0, 1, 2].map((i) => open(i % 2 ? b : a, '/user', u.api.accessToken, u.api.ip));
    await Promise.all(live.map((s) => connected(s)));
    expect(await outcome(open(b, '/user', u.api.accessToken, u.api.ip))).toBe(
      'REALTIME_TOO_MANY_SOCKETS',
    );

    live[0].disconnect();
    let replacement: Socket | undefined;
    await eventually(async () => {
      replacement?.disconnect();
      replacement = open(b, '/user', u.api.accessToken, u.api.ip);
      return (await outcome(replacement)) === 'connected';
    });
    expect(await outcome(open(a, '/user', u.api.accessToken, u.api.ip))).toBe(
      'REALTIME_TOO_MANY_SOCKETS',
    );
  });
});

describe('handshake limits with the default configuration', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('lets 200 users behind one address connect, both namespaces each', async () => {
    const users: TestUser[] = [];
    // Sign-ups come from their own addresses; only the sockets share one.
    while (users.length < 200) {
      users.push(...(await Promise.all(Array.from({ length: 4 }, () => createUser(api.url)))));
    }
    const classroom = newClientIp();
    const started = Date.now();
    const results = await Promise.all(
      users.flatMap((u) => [
        outcome(open(api, '/user', u.api.accessToken, classroom), 30_000),
        outcome(open(api, '/chat', u.api.accessToken, classroom), 30_000),
      ]),
    );
    expect(tally(results)).toEqual({ connected: 400 });
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('still limits one user reconnecting too fast', async () => {
    const u = await createUser(api.url);
    const results: string[] = [];
    // The default allows 30 handshakes per user and namespace per minute.
    for (let i = 0; i < 32; i++) {
      const s = open(api, '/user', u.api.accessToken, u.api.ip);
      results.push(await outcome(s));
      s.disconnect();
    }
    expect(results.slice(0, 30)).toEqual(Array(30).fill('connected'));
    expect(results.slice(30)).toEqual(['COMMON_RATE_LIMITED', 'COMMON_RATE_LIMITED']);
    // Other users on the same address are not affected.
    const other = await createUser(api.url);
    await connected(open(api, '/user', other.api.accessToken, u.api.ip));
  });

  it('tells why a refused handshake was refused and when to try again', async () => {
    const u = await createUser(api.url);
    for (let i = 0; i < 30; i++) {
      const s = open(api, '/chat', u.api.accessToken, u.api.ip);
      await outcome(s);
      s.disconnect();
    }
    const err = await connectError(open(api, '/chat', u.api.accessToken, u.api.ip));
    expect(err.data).toEqual({
      code: 'COMMON_RATE_LIMITED',
      message: expect.any(String),
      retryAfterSec: expect.any(Number),
    });
  });
});

describe('access token expiry', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApi({ ACCESS_TOKEN_TTL_SEC: '30' });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('closes the socket when its token expires, saying so with a code', async () => {
    const u = new ApiClient(api.url);
    const issuedAt = Date.now();
    const { refreshToken } = await u.signup();
    const s = open(api, '/chat', u.accessToken, u.ip);
    await connected(s);
    const closing = nextEvent<{ code: string }>(s, 'connection.closing', 40_000);
    const gone = nextEvent<string>(s, 'disconnect', 40_000);
    expect(await closing).toEqual({ code: 'AUTH_TOKEN_EXPIRED', message: expect.any(String) });
    expect(await gone).toBe('io server disconnect');
    // Not before the token's `exp` (whole seconds, so up to a second early).
    expect(Date.now() - issuedAt).toBeGreaterThanOrEqual(29_000);

    // A fresh token connects again.
    const refreshed = await u.post('/api/auth/refresh', { refreshToken });
    expect(refreshed.status).toBe(200);
    await connected(open(api, '/chat', refreshed.body.accessToken, u.ip));
  });
});

describe('Redis outage', () => {
  let redis: ChildProcess;
  let api: ApiProcess;

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn(
      '/usr/bin/redis-server',
      ['--port', String(port), '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    api = await startApi({
      REDIS_URL: `redis://127.0.0.1:${port}`,
      REDIS_PREFIX: 'outage:',
      SOCKETS_PER_USER: '2',
    });
  });

  afterAll(async () => {
    await api?.stop();
    redis?.kill('SIGKILL');
  });

  it('keeps admitting sockets, capped per instance, and never crashes', async () => {
    const [u, other] = await Promise.all([createUser(api.url), createUser(api.url)]);
    await connected(open(api, '/user', u.api.accessToken, u.api.ip));

    const stopped = new Promise((r) => redis.once('exit', r));
    redis.kill('SIGKILL');
    await stopped;

    // Redis is asked for at most a second per check: handshakes are answered within seconds.
    const results = await Promise.all(
      [0, 1, 2].map(() => outcome(open(api, '/user', u.api.accessToken, u.api.ip), 8_000)),
    );
    expect(tally(results)).toEqual({ connected: 1, REALTIME_TOO_MANY_SOCKETS: 2 });
    expect(await outcome(open(api, '/chat', other.api.accessToken, other.api.ip), 8_000)).toBe(
      'connected',
    );
    expect(api.child.exitCode).toBeNull();
  });
});
