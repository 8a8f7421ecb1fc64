import { Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app.config';
import type { RedisClients } from '../redis/redis.module';
import { AppError } from './app-error';
import { failClosed, RateLimitService } from './rate-limit.service';

/** A Redis command connection that is down until `up` is set. */
function fakeRedis() {
  const state = { up: true, counts: new Map<string, number>() };
  const down = () => Promise.reject(new Error('Connection is closed.'));
  const command = {
    defineCommand: () => undefined,
    orgoRateHit: (key: string, windowMs: number) => {
      if (!state.up) return down();
      const n = (state.counts.get(key) ?? 0) + 1;
      state.counts.set(key, n);
      return Promise.resolve([n, windowMs]);
    },
    get: (key: string) => (state.up ? Promise.resolve(state.counts.get(key) ?? null) : down()),
    pttl: () => (state.up ? Promise.resolve(1000) : down()),
    del: (key: string) => (state.up ? Promise.resolve(state.counts.delete(key)) : down()),
  };
  const clients = { command, prefix: 't:', enabled: true } as unknown as RedisClients;
  return { state, clients };
}

const config = { env: { RATE_LIMIT_ENABLED: true } } as AppConfig;
const chat = { name: 'chat', limit: 2, windowSec: 10 };
const login = failClosed({ perIp: { name: 'login', limit: 5, windowSec: 60 } }).perIp;

describe('rate limits while Redis is down', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('counts ordinary limits in memory, still enforcing them', async () => {
    const { state, clients } = fakeRedis();
    const limits = new RateLimitService(config, clients);
    state.up = false;
    expect((await limits.hit(chat, 'u1')).exceeded).toBe(false);
    expect((await limits.hit(chat, 'u1')).exceeded).toBe(false);
    expect((await limits.hit(chat, 'u1')).exceeded).toBe(true);
    expect(state.counts.size).toBe(0);
  });

  it('refuses fail-closed limits with 503 and Retry-After, including peeks', async () => {
    const { state, clients } = fakeRedis();
    const limits = new RateLimitService(config, clients);
    state.up = false;
    for (const call of [() => limits.hit(login, '1.2.3.4'), () => limits.peek(login, 'a@b.co')]) {
      const err: unknown = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ status: 503, code: 'COMMON_SERVICE_UNAVAILABLE' });
      expect(Number((err as AppError).headers?.['Retry-After'])).toBeGreaterThan(0);
    }
    // Clearing a counter after a success never refuses.
    await expect(limits.reset(login, 'a@b.co')).resolves.toBeUndefined();
  });

  it('logs the outage and the recovery once each, and counts in Redis again after it', async () => {
    const { state, clients } = fakeRedis();
    const limits = new RateLimitService(config, clients);
    state.up = false;
    for (let i = 0; i < 5; i++) await limits.hit(chat, `u${i}`);
    expect(warn.mock.calls.filter(([, msg]) => /Redis unavailable/.test(String(msg)))).toHaveLength(
      1,
    );
    state.up = true;
    await limits.hit(chat, 'u9');
    await limits.hit(chat, 'u9');
    expect(warn.mock.calls.filter((args) => /Redis is back/.test(String(args[0])))).toHaveLength(1);
    expect(state.counts.get('t:rl:chat:u9')).toBe(2);
  });
});
