import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import type { Client } from 'pg';
import { ApiProcess, freePort, startApi } from '../support/api-process';
import type { Socket } from 'socket.io-client';
import { connectChat, createRoom, createVerifiedUser, follow, TestUser } from '../factories';
import { sendText } from '../support/chat';
import { ApiClient, connected } from '../support/client';
import { dbClient, eventually } from '../support/db';
import { expectProblem } from '../support/expect-problem';

/** A Redis of this test alone, on a free port, so stopping it disturbs no other test. */
class OwnRedis {
  private proc?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'orgo-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts (or restarts) the server, empty: no persistence, like a crash without AOF. */
  async up(): Promise<void> {
    this.proc = spawn(
      '/usr/bin/redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { cwd: this.dir, stdio: 'ignore' },
    );
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    try {
      await eventually(
        () =>
          probe.ping().then(
            (r) => r === 'PONG',
            () => false,
          ),
        'own redis-server to answer',
        15_000,
      );
    } finally {
      probe.disconnect();
    }
  }

  /** Kills the server abruptly and waits until it is gone. */
  async down(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise((resolve) => {
      proc.once('exit', resolve);
      proc.kill('SIGKILL');
    });
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the server: connections stay open, nothing answers. */
  pause(frozen: boolean): void {
    this.proc?.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
  }

  async stop(): Promise<void> {
    this.pause(false);
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Calls `probe` back to back until stopped; records every answer that was not `expected`. */
function keepProbing(probe: () => Promise<number>, expected: number[]) {
  const bad: string[] = [];
  let count = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const status = await probe();
        if (!expected.includes(status)) bad.push(String(status));
      } catch (err) {
        bad.push((err as Error).message);
      }
      count++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    bad,
    count: () => count,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Resolves with the first `message.created` of this text on `socket`. */
function relayOf(socket: Socket, text: string, timeoutMs = 5000): Promise<{ text: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message.created', onMessage);
      reject(new Error(`no message.created "${text}" within ${timeoutMs} ms`));
    }, timeoutMs);
    function onMessage(m: { text: string }): void {
      if (m.text !== text) return;
      clearTimeout(timer);
      socket.off('message.created', onMessage);
      resolve(m);
    }
    socket.on('message.created', onMessage);
  });
}

/** A group room of `owner` with `members`, who all follow each other first. */
async function groupOf(owner: TestUser, members: TestUser[]): Promise<string> {
  for (const m of members) {
    await follow(owner, m);
    await follow(m, owner);
  }
  return createRoom(owner, members);
}

function restSend(user: TestUser, roomId: string, text: string) {
  return user.api.post(`/api/chat/rooms/${roomId}/messages`, {
    clientMessageId: randomUUID(),
    text,
  });
}

describe('Redis outage: the API degrades instead of dying', () => {
  let redis: OwnRedis;
  let api: ApiProcess;
  let admin: Redis;
  const prefix = `orgo-outage-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    // A short presence TTL: heartbeats every second, so presence heals quickly after an outage.
    api = await startApi({ REDIS_URL: redis.url, REDIS_PREFIX: prefix, PRESENCE_TTL_SEC: '3' });
    admin = new Redis(redis.url, { maxRetriesPerRequest: 0, enableOfflineQueue: false });
    admin.on('error', () => undefined);
  });

  afterAll(async () => {
    admin?.disconnect();
    await api?.stop();
    await redis?.stop();
  });

  it('keeps liveness and chat up, refuses sign-in with 503, and recovers when Redis returns', async () => {
    const alice = await createVerifiedUser(api.url);
    const bob = await createVerifiedUser(api.url);
    const carol = await createVerifiedUser(api.url);
    const roomId = await groupOf(alice, [bob, carol]);
    const { socket: aliceSocket } = await connectChat(alice);
    const { socket: bobSocket } = await connectChat(bob);
    const known = new ApiClient(api.url);
    const account = await known.signup();

    let carolPresence: Socket | undefined;
    const outageLines = () => api.output().match(/Redis unavailable: rate limits/g)?.length ?? 0;
    const outagesBefore = outageLines();
    const probe = new ApiClient(api.url);
    const liveness = keepProbing(async () => (await probe.get('/api/health/live')).status, [200]);
    // Background chat traffic from a third member, slower than the 20-per-10-s send limit.
    const traffic = keepProbing(async () => {
      await new Promise((r) => setTimeout(r, 500));
      return (await restSend(carol, roomId, 'background')).status;
    }, [201]);

    try {
      expect((await probe.get('/api/health/ready')).status).toBe(200);

      await redis.down();
      const probesAtOutage = liveness.count();
      await eventually(
        async () => (await probe.get('/api/health/ready')).status === 503,
        'readiness to report Redis down',
        10_000,
      );
      const ready = await probe.get('/api/health/ready');
      expect(ready.body).toEqual({ status: 'error', checks: { database: 'up', redis: 'down' } });

      // Chat keeps working on this instance: socket and REST sends, broadcast to the room.
      const relayed = relayOf(bobSocket, 'sent while Redis is down');
      const ack = await sendText(aliceSocket, roomId, 'sent while Redis is down');
      expect(ack).toMatchObject({ ok: true });
      expect((await relayed).text).toBe('sent while Redis is down');
      expect((await restSend(alice, roomId, 'over REST too')).status).toBe(201);
      expect((await alice.api.get('/api/chat/rooms')).status).toBe(200);
      // New sockets still connect (the handshake limit counts per instance meanwhile).
      const late = await connectChat(carol);
      expect(late.roomIds).toContain(roomId);
      late.socket.disconnect();
      carolPresence = carol.api.socket('/user');
      await connected(carolPresence);
      const profile = await alice.api.get(`/api/users/${carol.userId}`);
      expect([profile.status, profile.body.presence?.online]).toEqual([200, false]);

      // Sign-in, sign-up and mail limits cannot be checked: they refuse, clearly and briefly.
      const fresh = new ApiClient(api.url);
      const login = await fresh.post('/api/auth/login', {
        email: account.email,
        password: account.password,
      });
      expectProblem(login, 503, 'COMMON_SERVICE_UNAVAILABLE');
      expect(Number(login.headers.get('retry-after'))).toBeGreaterThan(0);
      expectProblem(
        await fresh.post('/api/auth/signup', {
          email: `u${randomBytes(5).toString('hex')}@example.com`,
          password: `climb-${randomBytes(6).toString('hex')}`,
        }),
        503,
        'COMMON_SERVICE_UNAVAILABLE',
      );
      expectProblem(
        await fresh.post('/api/auth/password/forgot', { email: account.email }),
        503,
        'COMMON_SERVICE_UNAVAILABLE',
      );

      const metrics = (await probe.get('/api/metrics')).body as string;
      expect(metrics).toMatch(
        /orgo_rate_limit_redis_unavailable_total\{rule="login-ip",outcome="refused"\} [1-9]/,
      );
      expect(metrics).toMatch(
        /orgo_rate_limit_redis_unavailable_total\{rule="chat-send-user",outcome="local"\} [1-9]/,
      );
      expect(metrics).toMatch(/orgo_redis_up 0/);
      // The outage is logged once, not once per request.
      expect(outageLines() - outagesBefore).toBe(1);

      // Liveness kept answering through the outage.
      await eventually(async () => liveness.count() >= probesAtOutage + 3, 'liveness probes');
      await redis.up();
      await eventually(
        async () => (await probe.get('/api/health/ready')).status === 200,
        'readiness after Redis returns',
        15_000,
      );
      expect((await probe.get('/api/health/ready')).body).toEqual({
        status: 'ok',
        checks: { database: 'up', redis: 'up' },
      });

      // Full recovery: sign-in works, and its limits are counted in Redis again.
      const back = new ApiClient(api.url);
      await eventually(
        async () =>
          (await back.post('/api/auth/login', { email: account.email, password: account.password }))
            .status === 200,
        'login after Redis returns',
        10_000,
      );
      expect(await admin.exists(`${prefix}rl:login-ip:${back.ip}`)).toBe(1);
      const wrong = new ApiClient(api.url);
      const email = `nobody-${randomBytes(4).toString('hex')}@example.com`;
      for (let i = 0; i < 5; i++) {
        expectProblem(
          await wrong.post('/api/auth/login', { email, password: 'wrong-password-1' }),
          401,
          'AUTH_CREDENTIALS_INVALID',
        );
      }
      expectProblem(
        await wrong.post('/api/auth/login', { email, password: 'wrong-password-1' }),
        429,
        'COMMON_RATE_LIMITED',
      );
      expect(api.output()).toMatch(/Redis is back/);

      // Presence heals: the instance's next heartbeat brings carol's live tab back online.
      await eventually(
        async () =>
          (await alice.api.get(`/api/users/${carol.userId}`)).body.presence?.online === true,
        'carol online again after Redis returns',
        10_000,
      );

      // Sends still reach the room after the recovery.
      const again = relayOf(bobSocket, 'after recovery');
      expect(await sendText(aliceSocket, roomId, 'after recovery')).toMatchObject({ ok: true });
      expect((await again).text).toBe('after recovery');
    } finally {
      await liveness.stop();
      await traffic.stop();
      aliceSocket.disconnect();
      bobSocket.disconnect();
      carolPresence?.disconnect();
    }
    expect(liveness.bad).toEqual([]);
    expect(traffic.bad).toEqual([]);
    expect(api.child.exitCode).toBeNull();
  });

  it('does not let a hung Redis hold requests: they degrade or refuse within the command timeout', async () => {
    const alice = await createVerifiedUser(api.url);
    const bob = await createVerifiedUser(api.url);
    const roomId = await groupOf(alice, [bob]);
    const account = await new ApiClient(api.url).signup();
    redis.pause(true);
    try {
      let started = Date.now();
      expect((await restSend(alice, roomId, 'while Redis hangs')).status).toBe(201);
      expect(Date.now() - started).toBeLessThan(5000);
      started = Date.now();
      expectProblem(
        await new ApiClient(api.url).post('/api/auth/login', {
          email: account.email,
          password: account.password,
        }),
        503,
        'COMMON_SERVICE_UNAVAILABLE',
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await new ApiClient(api.url).get('/api/health/live')).status).toBe(200);
      expect((await new ApiClient(api.url).get('/api/health/ready')).status).toBe(503);
    } finally {
      redis.pause(false);
    }
    await eventually(
      async () => (await new ApiClient(api.url).get('/api/health/ready')).status === 200,
      'readiness once Redis answers again',
      10_000,
    );
  });
});

describe('database timeouts', () => {
  let api: ApiProcess;
  let locker: Client;

  beforeAll(async () => {
    api = await startApi({ LOG_LEVEL: 'warn' });
    locker = await dbClient();
  });

  afterAll(async () => {
    await locker?.query('ROLLBACK').catch(() => undefined);
    await locker?.end();
    await api?.stop();
  });

  it('answers a send blocked by a row lock with 503 and Retry-After within 5 s, over REST and socket', async () => {
    const alice = await createVerifiedUser(api.url);
    const bob = await createVerifiedUser(api.url);
    const roomId = await groupOf(alice, [bob]);
    const { socket } = await connectChat(alice);
    const secret = `lock-secret-${randomBytes(6).toString('hex')}`;
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM chat_room WHERE id = $1 FOR UPDATE', [roomId]);
      const lockedAt = Date.now();

      let started = Date.now();
      const rest = await restSend(alice, roomId, secret);
      expect(Date.now() - started).toBeLessThan(5000);
      expectProblem(rest, 503, 'COMMON_SERVICE_UNAVAILABLE');
      expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);

      started = Date.now();
      const ack = await sendText(socket, roomId, secret);
      expect(Date.now() - started).toBeLessThan(5000);
      // The ack says how long to wait, as the REST answer's Retry-After does.
      expect(ack).toMatchObject({
        ok: false,
        error: { code: 'COMMON_SERVICE_UNAVAILABLE', retryAfterSec: 5 },
      });

      // Both answered while the lock was still held (it stays until the rollback below).
      expect(Date.now() - lockedAt).toBeLessThan(10_000);
    } finally {
      await locker.query('ROLLBACK');
    }

    // Released: sends go through again.
    expect((await restSend(alice, roomId, 'after the lock')).status).toBe(201);
    expect(await sendText(socket, roomId, 'after the lock too')).toMatchObject({ ok: true });
    socket.disconnect();

    // The failure was logged, without the statement's parameters (the message text).
    await eventually(async () => /55P03/.test(api.output()), 'the lock timeout to be logged');
    expect(api.output()).not.toContain(secret);
  });
});

describe('database pool exhausted', () => {
  it('answers 503 with Retry-After once no pooled connection frees up in time', async () => {
    const own = await startApi({
      DB_POOL_SIZE: '1',
      DB_POOL_TIMEOUT_MS: '1000',
      DB_LOCK_TIMEOUT_MS: '30000',
    });
    const locker = await dbClient();
    try {
      const alice = await createVerifiedUser(own.url);
      const bob = await createVerifiedUser(own.url);
      const roomId = await groupOf(alice, [bob]);
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM chat_room WHERE id = $1 FOR UPDATE', [roomId]);
      // The send holds the only pooled connection while it waits for the row lock.
      const blocked = restSend(alice, roomId, 'holds the only connection');
      await eventually(
        async () =>
          (
            await locker.query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'orgo-api'
                  AND wait_event_type = 'Lock'`,
            )
          ).rows[0].n !== '0',
        'the send to wait for the row lock',
      );
      const started = Date.now();
      const res = await bob.api.get('/api/chat/rooms');
      expect(Date.now() - started).toBeLessThan(5000);
      expectProblem(res, 503, 'COMMON_SERVICE_UNAVAILABLE');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);

      await locker.query('ROLLBACK');
      expect((await blocked).status).toBe(201);
      expect((await bob.api.get('/api/chat/rooms')).status).toBe(200);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      await own.stop();
    }
  });
});

describe('draining after SIGTERM', () => {
  it('turns readiness 503 at once while an in-flight request still finishes', async () => {
    const own = await startApi({ SHUTDOWN_DRAIN_DELAY_MS: '2000', DB_LOCK_TIMEOUT_MS: '30000' });
    const locker = await dbClient();
    try {
      const alice = await createVerifiedUser(own.url);
      const bob = await createVerifiedUser(own.url);
      const roomId = await groupOf(alice, [bob]);
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM chat_room WHERE id = $1 FOR UPDATE', [roomId]);

      const inFlight = restSend(alice, roomId, 'in flight during shutdown');
      await eventually(
        async () =>
          (
            await locker.query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'orgo-api'
                  AND wait_event_type = 'Lock'`,
            )
          ).rows[0].n !== '0',
        'the send to wait for the row lock',
      );

      const exited = new Promise<number | null>((resolve) => own.child.once('exit', resolve));
      own.child.kill('SIGTERM');
      const probe = new ApiClient(own.url);
      await eventually(
        async () => (await probe.get('/api/health/ready')).status === 503,
        'readiness to fail after SIGTERM',
        1500,
      );
      expect((await probe.get('/api/health/ready')).body).toMatchObject({ status: 'draining' });
      expect((await probe.get('/api/health/live')).status).toBe(200);

      await locker.query('ROLLBACK');
      expect((await inFlight).status).toBe(201);
      expect(await exited).toBe(0);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      await own.stop('SIGKILL');
    }
  });
});

describe('access logs', () => {
  it('never carry the signature of a signed media URL', async () => {
    const own = await startApi({ LOG_LEVEL: 'info' });
    try {
      const sig = `sig${randomBytes(12).toString('hex')}`;
      const key = randomUUID();
      const res = await new ApiClient(own.url).get(`/api/media/${key}?exp=4102444800&sig=${sig}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      await eventually(async () => own.output().includes(key), 'the access log line');
      expect(own.output()).toContain('sig=[redacted]');
      expect(own.output()).not.toContain(sig);
    } finally {
      await own.stop();
    }
  });
});
