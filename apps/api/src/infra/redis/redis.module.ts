import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';
import { AppConfig } from '../../config/app.config';
import { redisUp } from '../health/metrics';

/**
 * What a connection is for. Commands and publishes fail at once while Redis is unreachable (no
 * offline queue, one attempt, a command timeout), so no request waits on a dead Redis; a
 * subscriber queues its SUBSCRIBE until connected and resubscribes after every reconnect.
 */
export type RedisRole = 'command' | 'publisher' | 'subscriber';

/** Redis connections, present only when REDIS_URL is set; every user checks `enabled` first. */
@Injectable()
export class RedisClients implements OnModuleInit, OnApplicationShutdown {
  readonly command: Redis | null;
  readonly prefix: string;
  private readonly extra: Redis[] = [];
  private readonly log = new Logger('Redis');
  /** Whether the command connection is up, as last reported by its events. */
  private up = false;
  private lostOnce = false;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.prefix = config.env.REDIS_PREFIX;
    this.command = config.env.REDIS_URL ? this.create('command') : null;
    if (this.command) {
      this.command.on('ready', () => this.transition(true));
      this.command.on('close', () => this.transition(false));
    }
  }

  get enabled(): boolean {
    return this.command !== null;
  }

  /** Waits a little for the first connection, so the first requests find Redis ready. */
  async onModuleInit(): Promise<void> {
    const client = this.command;
    if (!client || client.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.config.env.REDIS_CONNECT_WAIT_MS);
      client.once('ready', done);
      function done(): void {
        clearTimeout(timer);
        client!.off('ready', done);
        resolve();
      }
    });
  }

  /** A new connection (subscribers need their own). */
  create(role: RedisRole = 'command'): Redis {
    const failFast: RedisOptions = {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      commandTimeout: this.config.env.REDIS_COMMAND_TIMEOUT_MS,
      autoResendUnfulfilledCommands: false,
    };
    const client = new Redis(this.config.env.REDIS_URL!, {
      enableAutoPipelining: true,
      // Reconnects forever, backing off to 2 s between attempts.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
      ...(role === 'subscriber' ? { maxRetriesPerRequest: null } : failFast),
    });
    // Connection errors repeat on every reconnect attempt; the command connection's up/down
    // transitions are logged once each instead (an unlistened 'error' would print every one).
    client.on('error', () => undefined);
    if (role === 'publisher') {
      // The Socket.IO adapter publishes without awaiting: while Redis is down a publish fails
      // (local sockets still get the broadcast) and must not become an unhandled rejection.
      const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<number>;
      (client as unknown as { publish: typeof publish }).publish = (...args) => {
        const sent = publish(...args);
        sent.catch(() => undefined);
        return sent;
      };
    }
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

  private transition(up: boolean): void {
    redisUp.set(up ? 1 : 0);
    if (up === this.up) return;
    this.up = up;
    if (!up) this.log.warn('Redis connection lost; reconnecting');
    else if (this.lostOnce) this.log.warn('Redis reconnected');
    else this.log.log('Redis connected');
    this.lostOnce ||= !up;
  }
}

/**
 * True for errors of a Redis that is unreachable or too slow (as opposed to a command Redis
 * refused): the API answers these with 503, never 500.
 */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'MaxRetriesPerRequestError' ||
    /^(Stream isn't writeable|Connection is closed|Command timed out|Reached the max retries)/.test(
      err.message,
    )
  );
}

@Global()
@Module({ providers: [RedisClients], exports: [RedisClients] })
export class RedisModule {}
