import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app.config';
import { RedisClients } from '../redis/redis.module';
import { AppError } from './app-error';

export interface RateLimitRule {
  /** Stable name; part of the key. */
  name: string;
  limit: number;
  windowSec: number;
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

type HitCommand = (key: string, windowMs: number) => Promise<[number, number]>;

/** Fixed-window counters in Redis when configured (shared by all instances), in memory otherwise. */
@Injectable()
export class RateLimitService {
  private readonly memory = new Map<string, { count: number; resetAt: number }>();
  private sweepAt = 0;
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
    if (this.hitInRedis) {
      const [n, ttl] = await this.hitInRedis(key, windowMs);
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
    if (this.redis.command) {
      const [raw, ttl] = await Promise.all([
        this.redis.command.get(key),
        this.redis.command.pttl(key),
      ]);
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
    if (this.redis.command) await this.redis.command.del(key);
    else this.memory.delete(key);
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
