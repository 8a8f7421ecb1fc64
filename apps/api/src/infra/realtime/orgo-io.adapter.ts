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
import { findUnsafeInput, unsafeInputError } from '../http/input-rules';
import { toProblem } from '../http/problem';
import { ackFailure } from './socket-ack.filter';
import type { RedisClients } from '../redis/redis.module';
import type { SocketAuthenticator, SocketData, SocketPrincipal } from './socket-auth';
import { RedisAdapterParser } from './redis-adapter-parser';
import { SocketAdmission, withDeadline } from './socket-admission';
import { forceClose, limitInbound, outboundBacklog } from './socket-limits';

interface MessageHandler {
  message: string;
  callback: (...args: unknown[]) => unknown;
  isAckHandledManually?: boolean;
}

/**
 * The namespaces of one connection (the SPA opens `/chat` and `/user` together) handshake within
 * moments of each other with the same token: the principal checked for the first is reused for
 * the others this long, so a connection costs one token check and one session load.
 */
const PRINCIPAL_REUSE_MS = 5000;

interface CheckedToken {
  token: string;
  at: number;
  principal: Promise<SocketPrincipal>;
}

/**
 * One Socket.IO server for every namespace: Origin allowlist and handshake limits at the engine,
 * token auth and the `user:`/`session:` rooms per namespace, Redis fan-out when configured.
 */
export class OrgoIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private readonly secured = new WeakSet<Namespace>();
  private readonly trust: (addr: string, i: number) => boolean;
  private readonly admission: SocketAdmission;
  private readonly checked = new WeakMap<object, CheckedToken>();
  private sweep?: NodeJS.Timeout;
  private lastLimitWarning = 0;
  private io?: Server;
  /** The Redis adapter's codec (PERF_REDIS_JSON_CODEC); unset: the adapter's MessagePack. */
  private readonly codec?: RedisAdapterParser;
  /** Plain-promise event dispatch (PERF_PLAIN_DISPATCH); off: Nest's RxJS dispatch. */
  private readonly plainDispatch: boolean;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly authenticator: SocketAuthenticator,
    private readonly redis: RedisClients,
    private readonly limits: RateLimitService,
  ) {
    super(app);
    this.trust = proxyAddr.compile(config.env.TRUST_PROXY.split(',').map((s) => s.trim()));
    this.admission = new SocketAdmission(redis, {
      socketsPerUser: config.env.SOCKETS_PER_USER,
      handshakesPerMin: config.env.WS_HANDSHAKES_PER_USER_PER_MIN,
      slotTtlMs: config.env.PRESENCE_TTL_SEC * 1000,
    });
    if (config.perf.redisJsonCodec) this.codec = new RedisAdapterParser();
    this.plainDispatch = config.perf.plainDispatch;
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
      const parser = this.codec;
      const redisAdapter = createAdapter(
        this.redis.create('publisher'),
        this.redis.create('subscriber'),
        { key: `${this.redis.prefix}socket.io`, ...(parser ? { parser } : {}) },
      );
      // Socket.IO calls the factory with `new` once per namespace; the parser learns each uid so
      // that it can skip decoding this process's own broadcasts when Redis echoes them.
      server.adapter(
        parser
          ? (function (nsp: Namespace) {
              const adapter = redisAdapter(nsp);
              parser.ownUids.add(String(adapter.uid));
              return adapter;
            } as unknown as typeof redisAdapter)
          : redisAdapter,
      );
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
    this.admission.close();
    await super.close(server);
  }

  /**
   * Nest's version builds an RxJS pipeline per socket and event (fromEvent, mergeMap, takeUntil)
   * and runs every event through it; this does the same dispatch with one listener per event and
   * plain promises: same payload mapping, same ack/emit of the result, errors logged not thrown.
   * It is the hot path of `message.send`, and idle sockets hold no subscriptions.
   * With PERF_PLAIN_DISPATCH off, Nest's own dispatch runs, behind the same input rules.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageHandler[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    if (!this.plainDispatch) {
      const guarded = handlers.map((h) => ({
        ...h,
        callback: (data: unknown, ack: unknown) => {
          const unsafe = findUnsafeInput(data);
          if (unsafe) return void refuse(ack, unsafeInputError(unsafe));
          return h.callback(data, ack);
        },
      }));
      // Nest's handlers carry more fields (methodName); the spread keeps them.
      type NestHandlers = Parameters<IoAdapter['bindMessageHandlers']>[1];
      return super.bindMessageHandlers(socket, guarded as NestHandlers, transform);
    }
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
        const unsafe = findUnsafeInput(data);
        if (unsafe) return void refuse(ack, unsafeInputError(unsafe));
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
    const rule = {
      name: 'ws-handshake-ip',
      limit: this.config.env.WS_HANDSHAKES_PER_IP_PER_MIN,
      windowSec: 60,
    };
    try {
      return !(await withDeadline(this.limits.hit(rule, ip))).exceeded;
    } catch (err) {
      // Without the shared counter the per-user limits (held per instance) still apply.
      if (Date.now() - this.lastLimitWarning > 10_000) {
        this.lastLimitWarning = Date.now();
        this.log.warn({ err }, 'handshake limit per address unavailable; admitting');
      }
      return true;
    }
  }

  /** Verifies the token once per connection (see PRINCIPAL_REUSE_MS). */
  private principalFor(socket: Socket): Promise<SocketPrincipal> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const now = Date.now();
    const seen = this.checked.get(socket.conn);
    if (typeof token === 'string' && seen?.token === token && now - seen.at < PRINCIPAL_REUSE_MS) {
      return seen.principal;
    }
    const principal = this.authenticator.authenticateSocket(token);
    if (typeof token === 'string') this.checked.set(socket.conn, { token, at: now, principal });
    return principal;
  }

  /** Closes the socket when its access token expires; the client refreshes and reconnects. */
  private expireWithToken(socket: Socket, principal: SocketPrincipal): void {
    if (principal.expiresAt === undefined) return;
    const timer = setTimeout(
      () => {
        socket.emit('connection.closing', {
          code: 'AUTH_TOKEN_EXPIRED',
          message: 'The access token expired. Refresh it and connect again.',
        });
        socket.disconnect(true);
      },
      Math.max(0, principal.expiresAt - Date.now()),
    );
    timer.unref();
    socket.once('disconnect', () => clearTimeout(timer));
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
      this.principalFor(socket)
        .then(async (principal) => {
          const admitted = await this.admission.admit(ns.name, principal.userId, socket.id);
          if (!admitted.ok) {
            return next(
              admitted.code === 'COMMON_RATE_LIMITED'
                ? socketError(admitted.code, 'Too many connection attempts. Try again later.', {
                    retryAfterSec: admitted.retryAfterSec,
                  })
                : socketError(
                    admitted.code,
                    `At most ${this.config.env.SOCKETS_PER_USER} connections per account.`,
                  ),
            );
          }
          // Frees the slot however the socket ends, also if it closes before `connection`.
          const release = () => {
            socket.conn.off('close', release);
            this.admission.release(ns.name, principal.userId, socket.id);
          };
          socket.once('disconnect', release);
          socket.conn.once('close', release);
          if (socket.conn.readyState !== 'open') {
            release();
            return next(socketError('AUTH_UNAUTHENTICATED', 'The connection closed.'));
          }
          (socket.data as SocketData).principal = principal;
          next();
        })
        .catch((err: unknown) => {
          const { body } = toProblem(err);
          next(socketError(body.code, body.message));
        });
    });
    ns.on('connection', (socket) => {
      const { principal } = socket.data as SocketData;
      socketConnections.inc({ namespace: ns.name });
      this.expireWithToken(socket, principal);
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

/** Answers a refused event through its ack in the shape of SocketAckFilter. */
function refuse(ack: unknown, err: unknown): void {
  if (typeof ack !== 'function') return;
  (ack as (res: unknown) => void)(ackFailure(toProblem(err)));
}

function socketError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { data: { code, message, ...extra } });
}
