import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { NoApiRateLimit } from '../http/rate-limit.guard';
import { RedisClients } from '../redis/redis.module';
import { DrainState } from './drain-state';
import { metricsRegistry } from './metrics';
import { ApiDoc } from '../http/api-doc';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'draining'] })
  status: 'ok' | 'error' | 'draining';

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['up', 'down', 'disabled'] },
  })
  checks: Record<string, 'up' | 'down' | 'disabled'>;
}

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RedisClients) private readonly redis: RedisClients,
    @Inject(DrainState) private readonly drain: DrainState,
  ) {}

  /** The process is up: depends on nothing else (not the database, not Redis). */
  @Get('health/live')
  @NoApiRateLimit()
  @ApiOkResponse({ type: HealthDto })
  @ApiDoc({ summary: 'Liveness: the process answers', errors: [] })
  live(): HealthDto {
    return { status: 'ok', checks: {} };
  }

  /**
   * Whether to send this instance traffic: 503 while the database or Redis is unreachable, and
   * from the moment a shutdown begins (in-flight work still finishes).
   */
  @Get('health/ready')
  @NoApiRateLimit()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  @ApiDoc({
    summary: 'Readiness: the database and Redis answer',
    description: 'Answers 503 with the same body while a dependency is down.',
    errors: [],
  })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    if (this.drain.draining) {
      res.status(503);
      return { status: 'draining', checks: {} };
    }
    const [db, redis] = await Promise.all([
      withTimeout(this.db.query('SELECT 1').then(() => true)),
      this.redis.enabled ? withTimeout(this.redis.ping()) : Promise.resolve(null),
    ]);
    const checks = {
      database: db ? 'up' : 'down',
      redis: redis === null ? 'disabled' : redis ? 'up' : 'down',
    } as const;
    const ok = db && redis !== false;
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'error', checks };
  }

  @Get('metrics')
  @NoApiRateLimit()
  @ApiExcludeEndpoint()
  @Header('Cache-Control', 'no-store')
  async metrics(@Res() res: Response): Promise<void> {
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  }
}

async function withTimeout(p: Promise<boolean>, ms = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p.catch(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
