import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app.config';
import { rateLimitRedisUnavailable } from '../health/metrics';
import { RedisClients } from '../redis/redis.module';
import { AppError, serviceUnavailable } from './app-error';

export interface RateLimitRule {
  /** Stable name; part of the key. */
  name: string;
  limit: number;
  windowSec: number;
  /**
   * While Redis is unreachable a rule counts in this instance's memory instead (limits per
   * instance, not shared); a fail-closed rule refuses with 503 instead. Limits that protect
   * credentials and mail fail closed: counted per instance, they would multiply by the number
   * of instances and forget every failure on a restart.
   */
  failClosed?: boolean;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSec: number;
  exceeded: boolean;
}

const INCR_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * Marks every rule of a group fail-closed (see `RateLimitRule.failClosed`), those added later
 * included: for the limits of sign-in, sign-up and mail.
 */
export function failClosed<T extends Record<string, RateLimitRule>>(rules: T): T {
  for (const rule of Object.values(rules)) rule.failClosed = true;
  return rules;
}

type HitCommand = (key: string, windowMs: number) => Promise<[number, number]>;

/**
 * Fixed-window counters in Redis when configured (shared by all instances), in memory otherwise.
 * While a configured Redis is unreachable, rules fall back to memory or, when `failClosed`, refuse
 * with 503; the outage and the recovery are each logged once, every affected check is metered
 * (`orgo_rate_limit_redis_unavailable_total`).
 */
@Injectable()
export class RateLimitService {
  private readonly memory = new Map<string, { count: number; resetAt: number }>();
  private sweepAt = 0;
  private readonly log = new Logger('RateLimit');
  /** Whether the last Redis call failed; flips (and logs) once per outage and recovery. */
  private degraded = false;
  /** The script by its SHA (EVALSHA, loaded on first use): the body is not resent on every hit. */
  private readonly hitInRedis: HitCommand | null;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(RedisClients) private readonly redis: RedisClients,
  ) {
    const client = redis.command;
    if (client) {
      client.defineCommand('orgoRateHit', { numberOfKeys: 1, lua: INCR_SCRIPT });
      const command = (client as unknown as { orgoRateHit: HitCommand }).orgoRateHit;
      this.hitInRedis = (key, windowMs) => command.call(client, key, windowMs);
    } else {
      this.hitInRedis = null;
    }
  }

  get enabled(): boolean {
    return this.config.env.RATE_LIMIT_ENABLED;
  }

  /** Counts one hit and reports the window state. */
  async hit(rule: RateLimitRule, subject: string): Promise<RateLimitState> {
    const key = `${this.redis.prefix}rl:${rule.name}:${subject}`;
    const windowMs = rule.windowSec * 1000;
    let count: number;
    let ttlMs: number;
    const fromRedis = this.hitInRedis
      ? await this.viaRedis(rule, () => this.hitInRedis!(key, windowMs))
      : null;
    if (fromRedis) {
      const [n, ttl] = fromRedis;
      count = n;
      ttlMs = ttl > 0 ? ttl : windowMs;
    } else {
      const now = Date.now();
      this.sweep(now);
      const entry = this.memory.get(key);
      if (!entry || entry.resetAt <= now) {
        this.memory.set(key, { count: 1, resetAt: now + windowMs });
        count = 1;
        ttlMs = windowMs;
      } else {
        count = ++entry.count;
        ttlMs = entry.resetAt - now;
      }
    }
    return {
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - count),
      resetSec: Math.max(1, Math.ceil(ttlMs / 1000)),
      exceeded: count > rule.limit,
    };
  }

  /** Current state without counting (for "failures only" limits checked before the attempt). */
  async peek(rule: RateLimitRule, subject: string): Promise<RateLimitState> {
    const key = `${this.redis.prefix}rl:${rule.name}:${subject}`;
    let count = 0;
    let ttlMs = rule.windowSec * 1000;
    const redis = this.redis.command;
    const fromRedis = redis
      ? await this.viaRedis(rule, () => Promise.all([redis.get(key), redis.pttl(key)]))
      : null;
    if (fromRedis) {
      const [raw, ttl] = fromRedis;
      count = raw ? Number(raw) : 0;
      if (ttl > 0) ttlMs = ttl;
    } else {
      const entry = this.memory.get(key);
      if (entry && entry.resetAt > Date.now()) {
        count = entry.count;
        ttlMs = entry.resetAt - Date.now();
      }
    }
    return {
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - count),
      resetSec: Math.max(1, Math.ceil(ttlMs / 1000)),
      exceeded: count >= rule.limit,
    };
  }

  async reset(rule: RateLimitRule, subject: string): Promise<void> {
    const key = `${this.redis.prefix}rl:${rule.name}:${subject}`;
    const redis = this.redis.command;
    this.memory.delete(key);
    // Clearing a counter after a success never refuses: the success has happened already.
    if (redis) await this.viaRedis({ ...rule, failClosed: false }, () => redis.del(key));
  }

  /**
   * Runs a Redis call of `rule`. When Redis is unreachable: null (the caller counts in memory),
   * or a 503 for a fail-closed rule.
   */
  private async viaRedis<T>(rule: RateLimitRule, call: () => Promise<T>): Promise<T | null> {
    let result: T;
    try {
      result = await call();
    } catch (err) {
      rateLimitRedisUnavailable.inc({
        rule: rule.name,
        outcome: rule.failClosed ? 'refused' : 'local',
      });
      if (!this.degraded) {
        this.degraded = true;
        this.log.warn(
          { err: { message: (err as Error)?.message } },
          'Redis unavailable: rate limits count per instance; sign-in, sign-up and mail limits answer 503',
        );
      }
      if (rule.failClosed) throw serviceUnavailable();
      return null;
    }
    if (this.degraded) {
      this.degraded = false;
      this.log.warn('Redis is back: rate limits are shared again');
    }
    return result;
  }

  /** Throws 429 with Retry-After when the state is over its limit. */
  static assertWithin(
    state: RateLimitState,
    message = 'Too many requests. Try again later.',
  ): void {
    if (state.exceeded) {
      throw new AppError('COMMON_RATE_LIMITED', 429, message, undefined, {
        'Retry-After': String(state.resetSec),
        ...RateLimitService.headers(state),
      });
    }
  }

  static headers(state: RateLimitState): Record<string, string> {
    return {
      'RateLimit-Limit': String(state.limit),
      'RateLimit-Remaining': String(state.remaining),
      'RateLimit-Reset': String(state.resetSec),
    };
  }

  private sweep(now: number): void {
    if (now < this.sweepAt) return;
    this.sweepAt = now + 60_000;
    for (const [k, v] of this.memory) if (v.resetAt <= now) this.memory.delete(k);
  }
}
