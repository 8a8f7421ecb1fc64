import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** The one place that reads process.env; anything invalid stops the boot with a clear message. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    PUBLIC_ORIGIN: z.url().default('http://localhost:3000'),
    CORS_ORIGINS: csv.default([]),
    TRUST_PROXY: z.string().default('loopback'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** `auto`: readable lines in development at a terminal, JSON otherwise (production, pipes). */
    LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
    DATA_DIR: z.string().default('.data'),
    WEB_DIST: z.string().optional(),

    DATABASE_URL: z.string().optional(),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    /** A request waits this long for a free pooled connection, then answers 503. */
    DB_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
    /** Longest wait for a row or table lock (Postgres lock_timeout); then 503. Not for migrations. */
    DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(2000),
    /** Longest statement (Postgres statement_timeout); 0 turns it off. Not for migrations. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
    // Unset: 5499, or the next free port when that one is taken.
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    REDIS_URL: z.string().optional(),
    REDIS_PREFIX: z.string().default('orgo:'),
    /** A Redis command that has not answered in this time fails (the request degrades or 503s). */
    REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(10).default(1000),
    /** At boot, how long to wait for Redis before serving without it (it is retried forever). */
    REDIS_CONNECT_WAIT_MS: z.coerce.number().int().min(0).default(5000),

    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    JWT_ISSUER: z.string().default('orgo'),
    JWT_AUDIENCE: z.string().default('orgo-api'),
    ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(30).max(900).default(600),
    REFRESH_IDLE_TTL_SEC: z.coerce
      .number()
      .int()
      .min(60)
      .default(7 * 24 * 3600),
    REFRESH_ABSOLUTE_TTL_SEC: z.coerce
      .number()
      .int()
      .min(60)
      .default(30 * 24 * 3600),
    REFRESH_GRACE_SEC: z.coerce.number().int().min(0).max(60).default(10),
    COOKIE_SECURE: bool.default(true),

    // Social sign-in: a provider is offered only when its client id and secret are both set.
    GITHUB_CLIENT_ID: z.string().min(1).optional(),
    GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
    GITHUB_AUTHORIZE_URL: z.url().default('https://github.com/login/oauth/authorize'),
    GITHUB_TOKEN_URL: z.url().default('https://github.com/login/oauth/access_token'),
    GITHUB_API_URL: z.url().default('https://api.github.com'),
    GOOGLE_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
    GOOGLE_ISSUER: z.url().default('https://accounts.google.com'),
    OAUTH_EXCHANGE_CODE_TTL_SEC: z.coerce.number().int().min(1).max(300).default(60),

    RATE_LIMIT_ENABLED: bool.default(true),
    RATE_LIMIT_ANON_PER_MIN: z.coerce.number().int().min(1).default(100),
    RATE_LIMIT_USER_PER_MIN: z.coerce.number().int().min(1).default(200),
    SOCKET_EVENTS_PER_MIN: z.coerce.number().int().min(1).default(600),
    SOCKET_MAX_BUFFERED_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    /** Live sockets per user and namespace, counted across instances when Redis is configured. */
    SOCKETS_PER_USER: z.coerce.number().int().min(1).default(20),
    /** Socket handshakes per user and namespace per minute: the limit that stops a reconnect loop. */
    WS_HANDSHAKES_PER_USER_PER_MIN: z.coerce.number().int().min(1).default(30),
    /** Handshakes per client address per minute: high, so a classroom behind one NAT gets in. */
    WS_HANDSHAKES_PER_IP_PER_MIN: z.coerce.number().int().min(1).default(1200),
    /** A crashed instance's sockets stop counting as online this long after its last heartbeat. */
    PRESENCE_TTL_SEC: z.coerce.number().int().min(3).max(600).default(45),

    /** Local-disk media root; defaults to `<DATA_DIR>/media`. Ignored when S3_BUCKET is set. */
    MEDIA_DIR: z.string().optional(),
    /** Setting a bucket switches media storage to S3 (any S3-compatible store). */
    S3_BUCKET: z.string().min(3).optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: bool.default(true),
    /** Prepended to every object key, so several deployments (or test runs) can share a bucket. */
    S3_KEY_PREFIX: z
      .string()
      .regex(/^([A-Za-z0-9._-]+\/)*$/, 'S3_KEY_PREFIX must be empty or end with "/"')
      .default(''),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' })
      .optional(),
    MAIL_FROM: z.string().min(3).default('OrGo <no-reply@orgo.local>'),
    EMAIL_CODE_TTL_SEC: z.coerce.number().int().min(1).max(3600).default(600),
    EMAIL_RESEND_COOLDOWN_SEC: z.coerce.number().int().min(1).max(3600).default(60),
    PASSWORD_RESET_TTL_SEC: z.coerce.number().int().min(1).max(86400).default(1800),
    /** A classroom signs up from one NAT address; the per-email bar stops scripted retries. */
    SIGNUP_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(100),
    SIGNUP_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(5),
    /** How recent a sign-in must be for an account without a password to delete itself. */
    REAUTH_MAX_AGE_SEC: z.coerce.number().int().min(60).max(86400).default(600),

    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10000),

    // Shared interval jobs (sweeps, reconcilers), each run on one instance per period (advisory
    // lock). Off leaves only each instance's own upkeep (the presence heartbeat).
    SCHEDULER_ENABLED: bool.default(true),
    /** Test builds only (NODE_ENV=test): a job that records its runs, to prove the lock. */
    SCHEDULER_TEST_JOB: bool.default(false),
    SCHEDULER_TEST_JOB_MS: z.coerce.number().int().min(50).default(500),
    /** Uploads no module claims (an unsent chat image, a replaced avatar) go after this long. */
    MEDIA_UNATTACHED_GRACE_SEC: z.coerce.number().int().min(1).default(86400),
    MEDIA_SWEEP_INTERVAL_SEC: z.coerce.number().int().min(1).default(3600),
    /** How often unfinished account-deletion follow-ups are retried, and how old they must be. */
    ACCOUNT_FOLLOWUP_INTERVAL_SEC: z.coerce.number().int().min(1).default(300),
    ACCOUNT_FOLLOWUP_RETRY_AFTER_SEC: z.coerce.number().int().min(1).default(60),
    /** Test builds only (NODE_ENV=test): the named module's follow-up fails its first attempt. */
    ACCOUNT_FOLLOWUP_FAIL_ONCE: z.string().min(1).optional(),
    /**
     * After SIGTERM, readiness answers 503 this long before the listener closes, so the load
     * balancer stops sending new requests first; in-flight work finishes either way.
     */
    SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).default(0),

    // The performance pieces of the chat hot path, one switch each (config/perf-switches.ts,
    // docs/architecture.md). For benchmarking (`pnpm bench:perf-layers`); leave them on.
    /** Validation fast path (validation-plan.ts); off: Nest's ValidationPipe. */
    PERF_VALIDATION_FAST_PATH: bool.default(true),
    /** Named prepared statements for the chat sends; off: TypeORM `query()`, unnamed. */
    PERF_PREPARED_STATEMENTS: bool.default(true),
    /** Redis adapter JSON codec; off: MessagePack. Every instance on one Redis must agree. */
    PERF_REDIS_JSON_CODEC: bool.default(true),
    /** Socket event dispatch without RxJS; off: Nest's IoAdapter dispatch. */
    PERF_PLAIN_DISPATCH: bool.default(true),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'required in production' });
    }
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'required in production' });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_SECRET_ACCESS_KEY'],
        message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
      });
    }
    for (const provider of ['GITHUB', 'GOOGLE'] as const) {
      const id = env[`${provider}_CLIENT_ID`];
      const secret = env[`${provider}_CLIENT_SECRET`];
      if (Boolean(id) !== Boolean(secret)) {
        const missing = id ? `${provider}_CLIENT_SECRET` : `${provider}_CLIENT_ID`;
        ctx.addIssue({
          code: 'custom',
          path: [missing],
          message: `required when ${id ? `${provider}_CLIENT_ID` : `${provider}_CLIENT_SECRET`} is set`,
        });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
