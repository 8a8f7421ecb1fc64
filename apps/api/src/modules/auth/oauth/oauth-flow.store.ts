import { Inject, Injectable } from '@nestjs/common';
import { RedisClients } from '../../../infra/redis/redis.module';
import { sha256Hex } from '../token-crypto';

const MEMORY_MAX_ENTRIES = 10_000;

/**
 * Short-lived, single-use records of the sign-in flow (pending authorisations, one-time codes),
 * keyed by the SHA-256 of their secret: in Redis when configured (shared by every instance),
 * in memory otherwise (the single-instance embedded mode).
 */
@Injectable()
export class OAuthFlowStore {
  private readonly memory = new Map<string, { raw: string; expiresAt: number }>();

  constructor(@Inject(RedisClients) private readonly redis: RedisClients) {}

  async put(kind: string, secret: string, value: object, ttlSec: number): Promise<void> {
    const key = this.key(kind, secret);
    const raw = JSON.stringify(value);
    if (this.redis.command) {
      await this.redis.command.set(key, raw, 'EX', ttlSec);
      return;
    }
    this.makeRoom();
    this.memory.set(key, { raw, expiresAt: Date.now() + ttlSec * 1000 });
  }

  /** Reads and deletes in one step, so a record answers exactly once, even across instances. */
  async take<T extends object>(kind: string, secret: string): Promise<T | null> {
    const key = this.key(kind, secret);
    let raw: string | null = null;
    if (this.redis.command) {
      raw = await this.redis.command.getdel(key);
    } else {
      const entry = this.memory.get(key);
      this.memory.delete(key);
      if (entry && entry.expiresAt > Date.now()) raw = entry.raw;
    }
    return raw ? (JSON.parse(raw) as T) : null;
  }

  private key(kind: string, secret: string): string {
    return `${this.redis.prefix}oauth:${kind}:${sha256Hex(secret)}`;
  }

  private makeRoom(): void {
    if (this.memory.size < MEMORY_MAX_ENTRIES) return;
    const now = Date.now();
    for (const [k, v] of this.memory) if (v.expiresAt <= now) this.memory.delete(k);
    // Still full: drop the oldest (insertion order), which are the closest to expiry anyway.
    for (const k of this.memory.keys()) {
      if (this.memory.size < MEMORY_MAX_ENTRIES) break;
      this.memory.delete(k);
    }
  }
}
