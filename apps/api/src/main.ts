import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServer } from 'node:net';
import { AppModule } from './app.module';
import { AppConfig } from './config/app.config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './infra/database/embedded-postgres';
import { runMigrations } from './infra/database/migrate';
import { describeError, redactUrl, StartupError } from './infra/startup-error';
import { DrainState } from './infra/health/drain-state';
import { configureApp } from './infra/http/configure-app';
import { startupLog } from './infra/logging/logging';
import { RateLimitService } from './infra/http/rate-limit.service';
import { RedisClients } from './infra/redis/redis.module';
import { OrgoIoAdapter } from './infra/realtime/orgo-io.adapter';
import { SOCKET_AUTHENTICATOR, SocketAuthenticator } from './infra/realtime/socket-auth';

/**
 * Connections the kernel may queue before the server accepts them (capped by the kernel's
 * somaxconn). Node's default of 511 overflows when every client reconnects at once (an instance
 * died): dropped connection attempts are retried by the client seconds later, or reset.
 */
const LISTEN_BACKLOG = 4096;

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromProcess();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(78);
  }
  const log = startupLog(config);

  let embedded: EmbeddedDatabase | undefined;
  try {
    // Before anything slow starts: a taken HTTP port is the most common reason a start fails.
    await probeListen(config.env.PORT, config.env.HOST).catch((err: unknown) => {
      throw listenError(err, config.env.PORT, config.env.HOST);
    });
    const databaseUrl =
      config.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(config, log)).url;
    const applied = await runMigrations(databaseUrl).catch((err: unknown) => {
      throw new StartupError(
        `the database at ${redactUrl(databaseUrl)} could not be prepared: ${describeError(err)}`,
      );
    });
    if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
    // For benchmarking only (config/perf-switches.ts): a run with a piece off says so.
    if (config.perf.off.length) log(`performance pieces off: ${config.perf.off.join(', ')}`);

    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, databaseUrl),
      // abortOnError: false lets a failure here reach the catch below, which stops the database.
      { bufferLogs: true, bodyParser: false, abortOnError: false },
    );
    app.useWebSocketAdapter(
      new OrgoIoAdapter(
        app,
        config,
        app.get<SocketAuthenticator>(SOCKET_AUTHENTICATOR),
        app.get(RedisClients),
        app.get(RateLimitService),
      ),
    );
    configureApp(app, config);
    // Nest hands extra arguments on to http.Server#listen(port, host, backlog); its types stop at host.
    const listen = app.listen.bind(app) as unknown as (
      port: number,
      host: string,
      backlog: number,
    ) => Promise<unknown>;
    await listen(config.env.PORT, config.env.HOST, LISTEN_BACKLOG).catch((err: unknown) => {
      throw listenError(err, config.env.PORT, config.env.HOST);
    });
    log(
      `OrGo is running at ${config.env.PUBLIC_ORIGIN} (port ${config.env.PORT}${embedded ? ', embedded PostgreSQL' : ''}${config.env.REDIS_URL ? ', Redis' : ', in-process bus'})`,
    );

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: draining`);
      // Readiness fails at once, so the load balancer stops routing here; the listener stays
      // open for the drain delay and in-flight requests and socket events finish.
      app.get(DrainState).draining = true;
      const { SHUTDOWN_DRAIN_DELAY_MS: delay, SHUTDOWN_GRACE_MS: grace } = config.env;
      const force = setTimeout(() => process.exit(1), delay + grace + 5000);
      force.unref();
      try {
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        await app.close();
      } finally {
        await embedded?.stop();
        process.exit(0);
      }
    };
    // SIGHUP: the terminal that ran `pnpm start` was closed.
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      process.on(signal, () => void shutdown(signal));
    }
  } catch (err) {
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}

function probeListen(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

/** Why the HTTP listener could not open, and what to do about it. */
function listenError(err: unknown, port: number, host: string): Error {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `port ${port} is already in use (another OrGo or another server); stop it or start on a free port, e.g. PORT=${port === 65535 ? port - 1 : port + 1} pnpm start`,
    );
  }
  if (code === 'EACCES') {
    return new StartupError(
      `port ${port} needs privileges this user does not have; use a port above 1023, e.g. PORT=3000 pnpm start`,
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new StartupError(
      `HOST=${host} is not an address of this machine; use HOST=0.0.0.0 or HOST=127.0.0.1`,
    );
  }
  return err instanceof Error ? err : new Error(describeError(err));
}

void bootstrap().catch((err: unknown) => {
  const cause = err instanceof StartupError ? err.message : describeError(err, true);
  process.stderr.write(`OrGo failed to start: ${cause}\n`);
  process.exit(1);
});
