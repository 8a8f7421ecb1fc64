import type { Env } from './env.schema';

/**
 * The performance pieces of the chat hot path (docs/architecture.md), each installed at bootstrap
 * and each with one switch, so that a benchmark can measure it alone, on and off
 * (`pnpm bench:perf-layers`). All on by default; off is the plain library behaviour.
 */
export class PerfSwitches {
  /** The validation fast path and its memoized rule lookup; off: Nest's ValidationPipe. */
  readonly validationFastPath: boolean;
  /** Hot statements as named prepared statements on the pool; off: `DataSource.query`. */
  readonly preparedStatements: boolean;
  /** The Redis adapter's JSON codec; off: the adapter's default (MessagePack). */
  readonly redisJsonCodec: boolean;
  /** Socket events dispatched with plain promises; off: Nest's IoAdapter (RxJS) dispatch. */
  readonly plainDispatch: boolean;

  constructor(init: Partial<PerfSwitches> = {}) {
    this.validationFastPath = init.validationFastPath ?? true;
    this.preparedStatements = init.preparedStatements ?? true;
    this.redisJsonCodec = init.redisJsonCodec ?? true;
    this.plainDispatch = init.plainDispatch ?? true;
  }

  static fromEnv(env: Env): PerfSwitches {
    return new PerfSwitches({
      validationFastPath: env.PERF_VALIDATION_FAST_PATH,
      preparedStatements: env.PERF_PREPARED_STATEMENTS,
      redisJsonCodec: env.PERF_REDIS_JSON_CODEC,
      plainDispatch: env.PERF_PLAIN_DISPATCH,
    });
  }

  /** The switches that are off, by env name (for the startup log line). */
  get off(): string[] {
    return Object.entries(PERF_ENV)
      .filter(([, key]) => !this[key])
      .map(([name]) => name);
  }
}

const PERF_ENV = {
  PERF_VALIDATION_FAST_PATH: 'validationFastPath',
  PERF_PREPARED_STATEMENTS: 'preparedStatements',
  PERF_REDIS_JSON_CODEC: 'redisJsonCodec',
  PERF_PLAIN_DISPATCH: 'plainDispatch',
} as const satisfies Record<string, keyof PerfSwitches>;
