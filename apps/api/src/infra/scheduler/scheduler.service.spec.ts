import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app.config';
import { lockKey, SchedulerService } from './scheduler.service';

function scheduler(enabled: boolean): SchedulerService {
  const config = { env: { SCHEDULER_ENABLED: enabled } } as AppConfig;
  return new SchedulerService({ options: {} } as DataSource, config);
}

describe('SchedulerService', () => {
  it('keys each job by a stable signed 64-bit hash of its name', () => {
    const key = lockKey('media.unattached-sweep');
    expect(key).toBe(lockKey('media.unattached-sweep'));
    expect(key).not.toBe(lockKey('account.followups'));
    const n = BigInt(key);
    expect(n >= -(2n ** 63n) && n < 2n ** 63n).toBe(true);
  });

  it('refuses a name registered twice and an interval that is not positive', () => {
    const s = scheduler(true);
    const run = async () => undefined;
    s.register({ name: 'a', everyMs: 1000, run });
    expect(() => s.register({ name: 'a', everyMs: 1000, run })).toThrow(/registered twice/);
    expect(() => s.register({ name: 'b', everyMs: 0, run })).toThrow(/needs an interval/);
  });

  it('when disabled, arms only every-instance upkeep; a stop ends the ticks', async () => {
    jest.useFakeTimers();
    try {
      const s = scheduler(false);
      const shared = jest.fn(async () => undefined);
      const upkeep = jest.fn(async () => undefined);
      s.register({ name: 'shared', everyMs: 10, run: shared });
      s.register({ name: 'upkeep', everyMs: 10, run: upkeep, everyInstance: true });
      s.onApplicationBootstrap();
      expect(jest.getTimerCount()).toBe(1);
      await jest.advanceTimersByTimeAsync(50);
      expect(upkeep.mock.calls.length).toBeGreaterThanOrEqual(3);
      await s.onModuleDestroy();
      const calls = upkeep.mock.calls.length;
      await jest.advanceTimersByTimeAsync(50);
      expect(upkeep).toHaveBeenCalledTimes(calls);
      expect(shared).not.toHaveBeenCalled();
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
