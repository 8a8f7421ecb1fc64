import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app.config';
import { PerfSwitches } from './config/perf-switches';
import { AuthGuardsModule } from './infra/auth/auth-guards.module';
import { DatabaseModule } from './infra/database/database.module';
import { EventsModule } from './infra/events/events.module';
import { DrainState } from './infra/health/drain-state';
import { HealthController } from './infra/health/health.controller';
import { HttpModule } from './infra/http/http.module';
import { loggerParams } from './infra/logging/logging';
import { MailModule } from './infra/mail/mail.module';
import { RedisModule } from './infra/redis/redis.module';
import { SchedulerModule } from './infra/scheduler/scheduler.module';
import { StorageModule } from './infra/storage/storage.module';
import { AuthModule, AuthService, OAuthModule } from './modules/auth';
import { ChatModule } from './modules/chat';
import { MediaModule } from './modules/media';
import { StudyModule } from './modules/study';
import { PostModule } from './modules/post';
import { UserModule } from './modules/user';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot(databaseUrl, config.env.DB_POOL_SIZE, {
          acquireMs: config.env.DB_POOL_TIMEOUT_MS,
          lockMs: config.env.DB_LOCK_TIMEOUT_MS,
          statementMs: config.env.DB_STATEMENT_TIMEOUT_MS,
        }),
        RedisModule,
        EventsModule,
        SchedulerModule,
        HttpModule,
        StorageModule,
        MediaModule,
        MailModule,
        UserModule,
        AuthModule,
        AuthGuardsModule.forRoot({ imports: [AuthModule], verifier: AuthService }),
        OAuthModule,
        ChatModule,
        StudyModule,
        PostModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: PerfSwitches, useValue: config.perf },
        DrainState,
      ],
      exports: [AppConfig, PerfSwitches, DrainState],
    };
  }
}
