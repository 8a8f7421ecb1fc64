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

  it('arms nothing when disabled, and stops cleanly', async () => {
    jest.useFakeTimers();
    try {
      const s = scheduler(false);
      const run = jest.fn(async () => undefined);
      s.register({ name: 'a', everyMs: 10, run });
      s.onApplicationBootstrap();
      expect(jest.getTimerCount()).toBe(0);
      await s.onModuleDestroy();
      expect(run).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });
});
