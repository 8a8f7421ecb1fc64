import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { sessionRoom, userRoom } from '@orgo/contracts';
import { createAdapter } from '@socket.io/redis-adapter';
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import { isObservable, type Observable } from 'rxjs';
import { Namespace, Server, ServerOptions, type Socket } from 'socket.io';
import type { AppConfig } from '../../config/app.config';
import { socketConnections } from '../health/metrics';
import { RateLimitService } from '../http/rate-limit.service';
import { toProblem } from '../http/problem';
import type { RedisClients } from '../redis/redis.module';
import type { SocketAuthenticator, SocketData } from './socket-auth';
import { RedisAdapterParser } from './redis-adapter-parser';
import { forceClose, limitInbound, outboundBacklog } from './socket-limits';

interface MessageHandler {
  message: string;
  callback: (...args: unknown[]) => unknown;
  isAckHandledManually?: boolean;
}

const HANDSHAKES_PER_IP = { name: 'ws-handshake-ip', limit: 30, windowSec: 60 };

/**
 * One Socket.IO server for every namespace: Origin allowlist and handshake limits at the engine,
 * token auth and the `user:`/`session:` rooms per namespace, Redis fan-out when configured.
 */
export class OrgoIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private readonly secured = new WeakSet<Namespace>();
  private readonly trust: (addr: string, i: number) => boolean;
  private sweep?: NodeJS.Timeout;
  private io?: Server;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly authenticator: SocketAuthenticator,
    private readonly redis: RedisClients,
    private readonly limits: RateLimitService,
  ) {
    super(app);
    this.trust = proxyAddr.compile(config.env.TRUST_PROXY.split(',').map((s) => s.trim()));
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      cors: { origin: this.config.corsOrigins, credentials: true },
      allowRequest: (req, cb) => {
        this.allowHandshake(req).then(
          (ok) => cb(null, ok),
          () => cb(null, false),
        );
      },
    } as ServerOptions);
    if (this.redis.enabled) {
      const parser = new RedisAdapterParser();
      const redisAdapter = createAdapter(
        this.redis.create('publisher'),
        this.redis.create('subscriber'),
        {
          key: `${this.redis.prefix}socket.io`,
          parser,
        },
      );
      // Socket.IO calls the factory with `new` once per namespace; the parser learns each uid so
      // that it can skip decoding this process's own broadcasts when Redis echoes them.
      server.adapter(function (nsp: Namespace) {
        const adapter = redisAdapter(nsp);
        parser.ownUids.add(String(adapter.uid));
        return adapter;
      } as unknown as typeof redisAdapter);
    }
    this.io = server;
    this.sweep = setInterval(() => this.dropSlowConsumers(), 1000);
    this.sweep.unref();
    return server;
  }

  override create(
    port: number,
    options?: ServerOptions & { namespace?: string; server?: Server },
  ): Server {
    const created = super.create(port, options) as Server | Namespace;
    const ns = created instanceof Namespace ? created : created.of('/');
    this.secure(ns);
    return created as Server;
  }

  override async close(server: Server): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    await super.close(server);
  }

  /**
   * Nest's version builds an RxJS pipeline per socket and event (fromEvent, mergeMap, takeUntil)
   * and runs every event through it; this does the same dispatch with one listener per event and
   * plain promises: same payload mapping, same ack/emit of the result, errors logged not thrown.
   * It is the hot path of `message.send`, and idle sockets hold no subscriptions.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageHandler[],
    _transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
        const reply = (response: unknown): void => {
          if (response === null || response === undefined || !socket.connected) return;
          const emitted = response as { event?: string; data?: unknown };
          if (emitted.event) {
            socket.emit(emitted.event, emitted.data);
          } else if (!isAckHandledManually && typeof ack === 'function') {
            (ack as (res: unknown) => void)(response);
          }
        };
        const fail = (err: unknown): void => this.log.error({ err, event: message });
        new Promise<unknown>((resolve) => resolve(callback(data, ack))).then((result) => {
          if (isObservable(result)) result.subscribe({ next: reply, error: fail });
          else reply(result);
        }, fail);
      });
    }
  }

  private async allowHandshake(req: IncomingMessage): Promise<boolean> {
    const origin = req.headers.origin;
    // Browsers always send Origin; non-browser clients without one still need a valid token.
    if (origin && !this.config.corsOrigins.includes(origin)) return false;
    if (!this.limits.enabled) return true;
    const ip = proxyAddr(req as Parameters<typeof proxyAddr>[0], this.trust);
    const state = await this.limits.hit(HANDSHAKES_PER_IP, ip);
    return !state.exceeded;
  }

  private secure(ns: Namespace): void {
    if (this.secured.has(ns)) return;
    this.secured.add(ns);
    ns.use((socket, next) => {
      if (socket.handshake.query?.token !== undefined) {
        return next(
          socketError(
            'AUTH_TOKEN_INVALID',
            'Send the access token in the auth payload, never in the URL.',
          ),
        );
      }
      this.authenticator
        .authenticateSocket((socket.handshake.auth as { token?: unknown } | undefined)?.token)
        .then(
          (principal) => {
            (socket.data as SocketData).principal = principal;
            next();
          },
          (err: unknown) => {
            const { body } = toProblem(err);
            next(socketError(body.code, body.message));
          },
        );
    });
    ns.on('connection', (socket) => {
      const { principal } = socket.data as SocketData;
      socketConnections.inc({ namespace: ns.name });
      void socket.join([userRoom(principal.userId), sessionRoom(principal.sessionId)]);
      limitInbound(socket, {
        perMinute: this.config.env.SOCKET_EVENTS_PER_MIN,
        perEventPer10s: 20,
      });
    });
  }

  private dropSlowConsumers(): void {
    if (!this.io) return;
    const max = this.config.env.SOCKET_MAX_BUFFERED_BYTES;
    for (const ns of this.io._nsps.values()) {
      for (const socket of ns.sockets.values()) {
        if (outboundBacklog(socket) > max) {
          this.log.warn({ socketId: socket.id }, 'disconnecting slow consumer');
          forceClose(socket);
        }
      }
    }
  }
}

function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}
