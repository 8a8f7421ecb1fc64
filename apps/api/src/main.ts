import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { AppConfig } from './config/app.config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './infra/database/embedded-postgres';
import { runMigrations } from './infra/database/migrate';
import { DrainState } from './infra/health/drain-state';
import { configureApp } from './infra/http/configure-app';
import { RateLimitService } from './infra/http/rate-limit.service';
import { RedisClients } from './infra/redis/redis.module';
import { OrgoIoAdapter } from './infra/realtime/orgo-io.adapter';
import { SOCKET_AUTHENTICATOR, SocketAuthenticator } from './infra/realtime/socket-auth';

const log = (msg: string) =>
  process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg })}\n`);

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromProcess();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(78);
  }

  let embedded: EmbeddedDatabase | undefined;
  const databaseUrl =
    config.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(config, log)).url;
  const applied = await runMigrations(databaseUrl);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl),
    { bufferLogs: true, bodyParser: false },
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
  await app.listen(config.env.PORT, config.env.HOST);
  log(
    `OrGo listening on ${config.env.PUBLIC_ORIGIN} (port ${config.env.PORT}${embedded ? ', embedded PostgreSQL' : ''}${config.env.REDIS_URL ? ', Redis' : ', in-process bus'})`,
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
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void bootstrap().catch((err: unknown) => {
  process.stderr.write(`OrGo failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
