import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from './config/app.config';
import { DatabaseModule } from './infra/database/database.module';
import { EventsModule } from './infra/events/events.module';
import { DrainState } from './infra/health/drain-state';
import { HealthController } from './infra/health/health.controller';
import { HttpModule } from './infra/http/http.module';
import { errorSerializer, requestSerializer } from './infra/http/log-serializers';
import { MailModule } from './infra/mail/mail.module';
import { RedisModule } from './infra/redis/redis.module';
import { StorageModule } from './infra/storage/storage.module';
import { AuthModule } from './modules/auth/auth.module';
import { MediaModule } from './modules/media/media.module';
import { OAuthModule } from './modules/auth/oauth/oauth.module';
import { ChatModule } from './modules/chat/chat.module';
import { UserModule } from './modules/user/user.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.env.LOG_LEVEL,
            // Humans running `pnpm start` in a terminal get readable lines; everything else gets JSON.
            transport:
              config.env.NODE_ENV === 'development' && process.stdout.isTTY
                ? { target: 'pino-pretty', options: { singleLine: true } }
                : undefined,
            // configureApp assigns the id first, so body-parser errors carry it too.
            genReqId: (req: IncomingMessage & { id?: string }) => req.id ?? randomUUID(),
            // 503: a dependency is down or slow, answered on purpose (the outage is logged once).
            customLogLevel: (_req, res, err) =>
              res.statusCode === 503 ? 'warn' : err || res.statusCode >= 500 ? 'error' : 'info',
            // No signed-URL signatures or OAuth codes in access logs, no SQL parameters in errors.
            serializers: { req: requestSerializer, err: errorSerializer },
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
            ],
            autoLogging: { ignore: (req) => req.url?.startsWith('/api/health') ?? false },
          },
        }),
        DatabaseModule.forRoot(databaseUrl, config.env.DB_POOL_SIZE, {
          acquireMs: config.env.DB_POOL_TIMEOUT_MS,
          lockMs: config.env.DB_LOCK_TIMEOUT_MS,
          statementMs: config.env.DB_STATEMENT_TIMEOUT_MS,
        }),
        RedisModule,
        EventsModule,
        HttpModule,
        StorageModule,
        MediaModule,
        MailModule,
        UserModule,
        AuthModule,
        OAuthModule,
        ChatModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: AppConfig, useValue: config }, DrainState],
      exports: [AppConfig, DrainState],
    };
  }
}
