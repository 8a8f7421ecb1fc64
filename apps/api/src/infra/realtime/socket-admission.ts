import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RedisClients } from '../redis/redis.module';

export interface AdmissionLimits {
  /** Live sockets per user and namespace. */
  socketsPerUser: number;
  /** Handshakes per user and namespace per minute. */
  handshakesPerMin: number;
  /** A slot not renewed this long (its instance died) no longer counts. */
  slotTtlMs: number;
}

export type Admission =
  | { ok: true }
  | { ok: false; code: 'REALTIME_TOO_MANY_SOCKETS' | 'COMMON_RATE_LIMITED'; retryAfterSec: number };

type AdmitCommand = (
  rateKey: string,
  slotsKey: string,
  windowMs: number,
  rateLimit: number,
  member: string,
  expiresAt: number,
  now: number,
  cap: number,
) => Promise<[number, number]>;

// KEYS: handshake counter, slot set. ARGV: window ms, handshake limit, member, expiresAt, now, cap.
// One round trip per handshake: counts it, then takes a slot if the user has one free.
// Returns {0, 0} admitted, {1, ttl ms} too many handshakes, {2, 0} every slot taken.
const ADMIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if n > tonumber(ARGV[2]) then return {1, redis.call('PTTL', KEYS[1])} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[5])
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[6]) then return {2, 0} end
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[4] - ARGV[5])
return {0, 0}`;

/** Redis is asked for at most this long; past it the handshake is decided on this instance. */
const REDIS_DEADLINE_MS = 1000;
const WINDOW_MS = 60_000;

/**
 * Decides whether a user's new socket may connect: a handshake rate per user and a cap on live
 * sockets per user, both per namespace. With Redis both hold across instances (a slot is a member
 * of `ws:slots:<ns>:<user>` scored by its expiry, renewed by its instance); without Redis, or while
 * Redis does not answer, each instance applies them to its own sockets and lets the rest in.
 */
export class SocketAdmission {
  private readonly log = new Logger('SocketAdmission');
  private readonly instance = randomUUID();
  /** This instance's slots: slot key → socket ids. */
  private readonly local = new Map<string, Set<string>>();
  /** In-process handshake counters, used without Redis or when it fails. */
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  private readonly admitInRedis: AdmitCommand | null;
  private renewTimer?: NodeJS.Timeout;
  private lastOutageLog = 0;

  constructor(
    private readonly redis: RedisClients,
    private readonly limits: AdmissionLimits,
  ) {
    const client = redis.command;
    if (client) {
      client.defineCommand('orgoSocketAdmit', { numberOfKeys: 2, lua: ADMIT });
      const command = (client as unknown as { orgoSocketAdmit: AdmitCommand }).orgoSocketAdmit;
      this.admitInRedis = (...args) => command.call(client, ...args);
      this.renewTimer = setInterval(() => void this.renew(), Math.max(1000, limits.slotTtlMs / 3));
      this.renewTimer.unref();
    } else {
      this.admitInRedis = null;
    }
  }

  async admit(namespace: string, userId: string, socketId: string): Promise<Admission> {
    const slotsKey = this.slotsKey(namespace, userId);
    const rateKey = `${this.redis.prefix}rl:ws-handshake-user:${namespace}:${userId}`;
    const mine = this.local.get(slotsKey);
    if (this.admitInRedis) {
      const now = Date.now();
      try {
        const [result, ttl] = await withDeadline(
          this.admitInRedis(
            rateKey,
            slotsKey,
            WINDOW_MS,
            this.limits.handshakesPerMin,
            this.member(socketId),
            now + this.limits.slotTtlMs,
            now,
            this.limits.socketsPerUser,
          ),
        );
        if (result === 1) return limited(ttl);
        if (result === 2) return tooMany();
        this.hold(slotsKey, socketId);
        return { ok: true };
      } catch (err) {
        this.outage(err);
      }
    }
    // In process: this instance's sockets only.
    if (this.countLocally(rateKey) > this.limits.handshakesPerMin) return limited(WINDOW_MS);
    if ((mine?.size ?? 0) >= this.limits.socketsPerUser) return tooMany();
    this.hold(slotsKey, socketId);
    return { ok: true };
  }

  /** Frees the socket's slot; never throws. */
  release(namespace: string, userId: string, socketId: string): void {
    const slotsKey = this.slotsKey(namespace, userId);
    const mine = this.local.get(slotsKey);
    if (!mine?.delete(socketId)) return;
    if (mine.size === 0) this.local.delete(slotsKey);
    this.redis.command?.zrem(slotsKey, this.member(socketId)).catch((err: unknown) => {
      this.outage(err);
    });
  }

  close(): void {
    if (this.renewTimer) clearInterval(this.renewTimer);
  }

  /** Keeps this instance's slots alive (one pipeline); a dead instance's slots expire. */
  private async renew(): Promise<void> {
    const redis = this.redis.command;
    if (!redis || this.local.size === 0) return;
    const expires = Date.now() + this.limits.slotTtlMs;
    const pipeline = redis.pipeline();
    for (const [key, ids] of this.local) {
      for (const id of ids) pipeline.zadd(key, expires, this.member(id));
      pipeline.pexpire(key, this.limits.slotTtlMs);
    }
    try {
      await pipeline.exec();
    } catch (err) {
      this.outage(err);
    }
  }

  private hold(slotsKey: string, socketId: string): void {
    const mine = this.local.get(slotsKey) ?? new Set<string>();
    mine.add(socketId);
    this.local.set(slotsKey, mine);
  }

  private countLocally(key: string): number {
    const now = Date.now();
    if (this.counters.size > 10_000) {
      for (const [k, v] of this.counters) if (v.resetAt <= now) this.counters.delete(k);
    }
    const entry = this.counters.get(key);
    if (!entry || entry.resetAt <= now) {
      this.counters.set(key, { count: 1, resetAt: now + WINDOW_MS });
      return 1;
    }
    return ++entry.count;
  }

  private outage(err: unknown): void {
    const now = Date.now();
    if (now - this.lastOutageLog < 10_000) return;
    this.lastOutageLog = now;
    this.log.warn({ err }, 'Redis unavailable: socket limits apply per instance');
  }

  private slotsKey(namespace: string, userId: string): string {
    return `${this.redis.prefix}ws:slots:${namespace}:${userId}`;
  }

  private member(socketId: string): string {
    return `${this.instance}:${socketId}`;
  }
}

function limited(ttlMs: number): Admission {
  return {
    ok: false,
    code: 'COMMON_RATE_LIMITED',
    retryAfterSec: Math.max(1, Math.ceil((ttlMs > 0 ? ttlMs : WINDOW_MS) / 1000)),
  };
}

function tooMany(): Admission {
  return { ok: false, code: 'REALTIME_TOO_MANY_SOCKETS', retryAfterSec: 0 };
}

/** Rejects when Redis has not answered within REDIS_DEADLINE_MS (ioredis queues while it is away). */
export function withDeadline<T>(work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(
      () => reject(new Error('Redis did not answer in time')),
      REDIS_DEADLINE_MS,
    );
    t.unref();
    work.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(t);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
