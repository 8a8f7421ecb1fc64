import type { RedisClients } from '../redis/redis.module';
import { SocketAdmission } from './socket-admission';

/** Without REDIS_URL (the embedded default) every limit is this instance's own. */
function memoryAdmission(limits: { socketsPerUser: number; handshakesPerMin: number }) {
  const redis = { command: null, prefix: 'test:' } as unknown as RedisClients;
  return new SocketAdmission(redis, { ...limits, slotTtlMs: 45_000 });
}

describe('SocketAdmission without Redis', () => {
  it('admits SOCKETS_PER_USER sockets per user and namespace and frees a released slot', async () => {
    const gate = memoryAdmission({ socketsPerUser: 2, handshakesPerMin: 100 });
    expect(await gate.admit('/chat', 'u1', 's1')).toEqual({ ok: true });
    expect(await gate.admit('/chat', 'u1', 's2')).toEqual({ ok: true });
    expect(await gate.admit('/chat', 'u1', 's3')).toEqual({
      ok: false,
      code: 'REALTIME_TOO_MANY_SOCKETS',
      retryAfterSec: 0,
    });
    // Other namespaces and other users have their own allowance.
    expect(await gate.admit('/user', 'u1', 's4')).toEqual({ ok: true });
    expect(await gate.admit('/chat', 'u2', 's5')).toEqual({ ok: true });

    gate.release('/chat', 'u1', 's1');
    gate.release('/chat', 'u1', 's1'); // a second release of the same socket frees nothing more
    expect(await gate.admit('/chat', 'u1', 's6')).toEqual({ ok: true });
    expect((await gate.admit('/chat', 'u1', 's7')).ok).toBe(false);
  });

  it('limits handshakes per user and namespace per minute, refused ones included', async () => {
    const gate = memoryAdmission({ socketsPerUser: 100, handshakesPerMin: 3 });
    for (const id of ['a', 'b', 'c']) {
      expect(await gate.admit('/chat', 'u1', id)).toEqual({ ok: true });
      gate.release('/chat', 'u1', id);
    }
    const refused = await gate.admit('/chat', 'u1', 'd');
    expect(refused).toEqual({ ok: false, code: 'COMMON_RATE_LIMITED', retryAfterSec: 60 });
    expect((await gate.admit('/chat', 'u1', 'e')).ok).toBe(false);
    expect(await gate.admit('/chat', 'u2', 'f')).toEqual({ ok: true });
  });
});
