import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app.config';
import { errorSerializer, requestSerializer } from '../http/log-serializers';

// Nest's boot chatter (one line per module, gateway and route) says nothing to a person at a terminal.
const BOOT_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestApplication',
]);

/**
 * Logging of the API. JSON lines for production, pipes, tests and log collectors; in readable mode
 * (a person running `pnpm start` at a terminal) short coloured lines, and a request only when it
 * fails, so the "OrGo is running at …" line stays in view.
 */
export function loggerParams(config: AppConfig): Params {
  const readable = config.readableLogs;
  return {
    pinoHttp: {
      level: config.env.LOG_LEVEL,
      transport: readable
        ? {
            target: 'pino-pretty',
            options: {
              singleLine: true,
              translateTime: 'SYS:HH:MM:ss',
              ignore: 'pid,hostname,context,req,res,responseTime',
            },
          }
        : undefined,
      ...(readable && {
        hooks: {
          logMethod(args, method, level) {
            const first = args[0] as { context?: string } | undefined;
            if (level <= 30 && BOOT_CONTEXTS.has(first?.context ?? '')) return;
            method.apply(this, args);
          },
        },
      }),
      // configureApp assigns the id first, so body-parser errors carry it too.
      genReqId: (req) => req.id ?? randomUUID(),
      // 503: a dependency is down or slow, answered on purpose (the outage is logged once).
      customLogLevel: (_req, res, err) =>
        res.statusCode === 503
          ? 'warn'
          : err || res.statusCode >= 500
            ? 'error'
            : readable
              ? 'silent'
              : 'info',
      // No signed-URL signatures or OAuth codes in access logs, no SQL parameters in errors.
      serializers: { req: requestSerializer, err: errorSerializer },
      ...(readable && {
        customErrorMessage: (req: IncomingMessage, res: ServerResponse, err: Error) =>
          `${requestLine(req, res)} ${err.message}`,
        customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) =>
          `${requestLine(req, res)} (${ms} ms)`,
      }),
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      autoLogging: { ignore: (req) => req.url?.startsWith('/api/health') ?? false },
    },
  };
}

function requestLine(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) {
  return `${req.method} ${(req.originalUrl ?? req.url ?? '').split('?')[0]} → ${res.statusCode}`;
}

/** A log function for the boot sequence, before (and outside) Nest's logger, in the same format. */
export function startupLog(config: AppConfig): (msg: string) => void {
  return config.readableLogs
    ? (msg) => process.stdout.write(`[orgo] ${msg}\n`)
    : (msg) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg })}\n`);
}
