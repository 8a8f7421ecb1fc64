import type { AppConfig } from '../../config/app.config';
import type { RedisClients } from '../redis/redis.module';
import { PresenceStore } from './presence.store';

/** The in-process store used without REDIS_URL (the embedded default). */
function memoryStore(): PresenceStore {
  const config = { env: { PRESENCE_TTL_SEC: 45 } } as AppConfig;
  const redis = { command: null, prefix: 'test:' } as unknown as RedisClients;
  return new PresenceStore(config, redis);
}

describe('PresenceStore without Redis', () => {
  it('reports online for the first tab and offline for the last one only', async () => {
    const store = memoryStore();
    expect(await store.add('u1', 'tab-a')).toBe(true);
    expect(await store.add('u1', 'tab-b')).toBe(false);
    expect(await store.online(['u1', 'u2'])).toEqual(new Set(['u1']));
    expect(await store.remove('u1', 'tab-a')).toBe(false);
    expect(await store.online(['u1'])).toEqual(new Set(['u1']));
    expect(await store.remove('u1', 'tab-b')).toBe(true);
    expect(await store.online(['u1'])).toEqual(new Set());
  });

  it('ignores a second disconnect of the same tab and keeps users apart', async () => {
    const store = memoryStore();
    await store.add('u1', 'tab-a');
    await store.add('u2', 'tab-c');
    expect(await store.remove('u1', 'tab-a')).toBe(true);
    expect(await store.remove('u1', 'tab-a')).toBe(false);
    expect(await store.online(['u1', 'u2'])).toEqual(new Set(['u2']));
  });

  it('has nothing to renew or sweep in one process', async () => {
    const store = memoryStore();
    await store.add('u1', 'tab-a');
    expect(await store.heartbeat()).toEqual([]);
    expect(await store.sweep()).toEqual([]);
  });
});
