import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../../config/app.config';
import { parseEnv } from '../../config/env.schema';
import { loggerParams } from './logging';

const config = (env: Record<string, string>) =>
  new AppConfig(parseEnv({ JWT_SECRET: 'x'.repeat(32), ...env }));

type HttpOptions = {
  transport?: { target: string };
  customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error) => string;
  customSuccessMessage?: (req: IncomingMessage, res: ServerResponse, ms: number) => string;
};
const http = (c: AppConfig) => loggerParams(c).pinoHttp as HttpOptions;
const res = (statusCode: number) => ({ statusCode }) as ServerResponse;
const req = { method: 'GET', url: '/api/users/me?x=1' } as IncomingMessage;

describe('log format', () => {
  it('is JSON in tests, in production and when asked, readable when asked', () => {
    expect(config({ NODE_ENV: 'test' }).readableLogs).toBe(false);
    expect(config({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' }).readableLogs).toBe(
      false,
    );
    expect(config({ LOG_FORMAT: 'json' }).readableLogs).toBe(false);
    expect(config({ NODE_ENV: 'test', LOG_FORMAT: 'pretty' }).readableLogs).toBe(true);
  });

  it('JSON: one line per request, errors at error level, 503 at warn, no pretty transport', () => {
    const opts = http(config({ LOG_FORMAT: 'json' }));
    expect(opts.transport).toBeUndefined();
    expect(opts.customLogLevel(req, res(200))).toBe('info');
    expect(opts.customLogLevel(req, res(404))).toBe('info');
    expect(opts.customLogLevel(req, res(500))).toBe('error');
    // A 503 is a dependency outage answered on purpose; the outage itself is logged once.
    expect(opts.customLogLevel(req, res(503))).toBe('warn');
    expect(opts.customSuccessMessage).toBeUndefined();
  });

  it('readable: only failed requests, as one short line', () => {
    const opts = http(config({ LOG_FORMAT: 'pretty' }));
    expect(opts.transport?.target).toBe('pino-pretty');
    expect(opts.customLogLevel(req, res(200))).toBe('silent');
    expect(opts.customLogLevel(req, res(404))).toBe('silent');
    expect(opts.customLogLevel(req, res(500))).toBe('error');
    expect(opts.customLogLevel(req, res(200), new Error('x'))).toBe('error');
    expect(opts.customSuccessMessage!(req, res(500), 12)).toBe('GET /api/users/me → 500 (12 ms)');
  });
});
