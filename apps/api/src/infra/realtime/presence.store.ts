import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app.config';
import { isRedisUnavailable, RedisClients } from '../redis/redis.module';

/**
 * Counts each user's live connections across every instance. A user is online while at least
 * one connection is live; only the call that takes the count from 0 to 1 (or back to 0) reports
 * the change, so several tabs are one presence and each change is announced once.
 *
 * With Redis, a connection is a member of `presence:u:<user>` scored by its expiry, renewed by
 * its instance's heartbeat; `presence:online` holds the users announced online. A crashed
 * instance stops renewing, and `sweep` on any instance announces those users offline.
 */
@Injectable()
export class PresenceStore {
  readonly ttlMs: number;
  private readonly instance = randomUUID();
  /** This instance's connections: connection id → user id. */
  private readonly local = new Map<string, string>();
  /** Memory mode only: user id → connection ids. */
  private readonly memory = new Map<string, Set<string>>();

  constructor(
    @Inject(AppConfig) config: AppConfig,
    @Inject(RedisClients) private readonly redis: RedisClients,
  ) {
    this.ttlMs = config.env.PRESENCE_TTL_SEC * 1000;
  }

  /** True when this connection brought the user online. */
  async add(userId: string, connectionId: string): Promise<boolean> {
    this.local.set(connectionId, userId);
    const redis = this.redis.command;
    if (!redis) {
      const conns = this.memory.get(userId) ?? new Set<string>();
      conns.add(connectionId);
      this.memory.set(userId, conns);
      return conns.size === 1;
    }
    const now = Date.now();
    const added = await redis
      .eval(
        ADD,
        2,
        this.userKey(userId),
        this.onlineKey,
        this.member(connectionId),
        now + this.ttlMs,
        now,
        userId,
        this.ttlMs * 2,
      )
      .catch(whileRedisDown(0));
    return added === 1;
  }

  /** True when this connection was the user's last one. */
  async remove(userId: string, connectionId: string): Promise<boolean> {
    this.local.delete(connectionId);
    const redis = this.redis.command;
    if (!redis) {
      const conns = this.memory.get(userId);
      if (!conns?.delete(connectionId)) return false;
      if (conns.size > 0) return false;
      this.memory.delete(userId);
      return true;
    }
    const gone = await redis
      .eval(
        REMOVE,
        2,
        this.userKey(userId),
        this.onlineKey,
        this.member(connectionId),
        Date.now(),
        userId,
      )
      .catch(whileRedisDown(0));
    return gone === 1;
  }

  /** Renews this instance's connections; returns users a sweep had wrongly taken offline. */
  async heartbeat(): Promise<string[]> {
    const redis = this.redis.command;
    if (!redis || this.local.size === 0) return [];
    const expires = Date.now() + this.ttlMs;
    const back: string[] = [];
    await Promise.all(
      [...this.local].map(async ([connectionId, userId]) => {
        const added = await redis.eval(
          ADD,
          2,
          this.userKey(userId),
          this.onlineKey,
          this.member(connectionId),
          expires,
          Date.now(),
          userId,
          this.ttlMs * 2,
        );
        if (added === 1) back.push(userId);
      }),
    );
    return [...new Set(back)];
  }

  /** Users whose every connection expired (their instance died); each is returned once, anywhere. */
  async sweep(limit = 500): Promise<string[]> {
    const redis = this.redis.command;
    if (!redis) return [];
    const now = Date.now();
    const stale = await redis.zrangebyscore(this.onlineKey, '-inf', now, 'LIMIT', 0, limit);
    const gone: string[] = [];
    for (const userId of stale) {
      const result = await redis.eval(SWEEP, 2, this.userKey(userId), this.onlineKey, now, userId);
      if (result === 1) gone.push(userId);
    }
    return gone;
  }

  async online(userIds: string[]): Promise<Set<string>> {
    const redis = this.redis.command;
    if (!redis) return new Set(userIds.filter((id) => this.memory.has(id)));
    if (userIds.length === 0) return new Set();
    // While Redis is unreachable nobody shows online; profiles and presence.get still answer.
    const scores = await redis
      .zmscore(this.onlineKey, ...userIds)
      .catch(whileRedisDown(userIds.map(() => null)));
    const now = Date.now();
    return new Set(userIds.filter((_, i) => scores[i] !== null && Number(scores[i]) > now));
  }

  private get onlineKey(): string {
    return `${this.redis.prefix}presence:online`;
  }

  private userKey(userId: string): string {
    return `${this.redis.prefix}presence:u:${userId}`;
  }

  private member(connectionId: string): string {
    return `${this.instance}:${connectionId}`;
  }
}

/**
 * While Redis is unreachable a presence change is not recorded (answered with `fallback`): this
 * instance keeps its connections, and its next heartbeat after Redis returns brings their users
 * back online (a connection closed meanwhile expires with its TTL and a sweep takes it offline).
 */
function whileRedisDown<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    if (isRedisUnavailable(err)) return fallback;
    throw err;
  };
}

// KEYS: user set, online set. ARGV: member, expiresAt, now, userId, key ttl ms.
// Returns 1 when the user joined the online set (came online).
const ADD = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
local top = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
return redis.call('ZADD', KEYS[2], top[2], ARGV[4])
`;

// KEYS: user set, online set. ARGV: member, now, userId.
// Returns 1 when the user left the online set (went offline).
const REMOVE = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZCARD', KEYS[1]) > 0 then
  local top = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  redis.call('ZADD', KEYS[2], top[2], ARGV[3])
  return 0
end
redis.call('DEL', KEYS[1])
return redis.call('ZREM', KEYS[2], ARGV[3])
`;

// KEYS: user set, online set. ARGV: now, userId. Same answer as REMOVE, for expired connections.
const SWEEP = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) > 0 then
  local top = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  redis.call('ZADD', KEYS[2], top[2], ARGV[2])
  return 0
end
return redis.call('ZREM', KEYS[2], ARGV[2])
`;
