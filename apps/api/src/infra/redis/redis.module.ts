import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app.config';

/** Redis connections, present only when REDIS_URL is set; every user checks `enabled` first. */
@Injectable()
export class RedisClients implements OnApplicationShutdown {
  readonly command: Redis | null;
  readonly prefix: string;
  private readonly extra: Redis[] = [];

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.prefix = config.env.REDIS_PREFIX;
    this.command = config.env.REDIS_URL ? this.create() : null;
  }

  get enabled(): boolean {
    return this.command !== null;
  }

  /** A new connection (subscribers need their own). */
  create(): Redis {
    const client = new Redis(this.config.env.REDIS_URL!, {
      maxRetriesPerRequest: 3,
      enableAutoPipelining: true,
    });
    this.extra.push(client);
    return client;
  }

  async ping(): Promise<boolean> {
    if (!this.command) return true;
    return (await this.command.ping()) === 'PONG';
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.extra.map((c) => c.quit()));
  }
}

@Global()
@Module({ providers: [RedisClients], exports: [RedisClients] })
export class RedisModule {}
