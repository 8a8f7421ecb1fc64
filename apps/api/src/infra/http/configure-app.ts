import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import serveStatic from 'serve-static';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../../config/app.config';
import { httpRequestDuration } from '../health/metrics';
import { serveAsyncApi } from './asyncapi-page';
import { findUnsafeInput, unsafeInputError } from './input-rules';
import { BEARER_AUTH, OPENAPI_DESCRIPTION } from './openapi-text';
import { documentOperations, operationId, type GlobalBudget } from './openapi-document';
import { ProblemDto } from './problem.dto';
import { createValidationPipe } from './validation';

export const API_PREFIX = 'api';

export function buildOpenApi(app: NestExpressApplication, budget: GlobalBudget): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('OrGo API')
    .setDescription(OPENAPI_DESCRIPTION)
    .setVersion('1.0.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: BEARER_AUTH,
    })
    .build();
  const document = SwaggerModule.createDocument(app, doc, {
    extraModels: [ProblemDto],
    operationIdFactory: operationId,
  });
  return documentOperations(app, document, budget);
}

/** Everything HTTP-wide: security headers, CORS, parsing, validation, docs, SPA, metrics. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.use(assignRequestId);
  app.set(
    'trust proxy',
    config.env.TRUST_PROXY.split(',').map((s) => s.trim()),
  );
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
  );
  app.enableCors({
    origin: (origin, cb) =>
      cb(null, !origin || config.corsOrigins.includes(origin) ? (origin ?? false) : false),
    credentials: true,
    exposedHeaders: [
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Retry-After',
      'X-Request-Id',
    ],
  });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '100kb' });
  app.use(rejectUnsafeInput);
  app.use(`/${API_PREFIX}`, (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Origin, Authorization, Cookie');
    const end = httpRequestDuration.startTimer({ method: req.method });
    res.on('finish', () =>
      end({
        route: (req.route as { path?: string } | undefined)?.path ?? 'unmatched',
        status: String(res.statusCode),
      }),
    );
    next();
  });
  app.setGlobalPrefix(API_PREFIX);
  // Since Nest 12 global pipes also run on gateway events, so sockets and REST share this one
  // instance; a gateway that adds @UsePipes(...) would validate every payload twice. The fast
  // path is installed here, at bootstrap, unless PERF_VALIDATION_FAST_PATH is off.
  app.useGlobalPipes(createValidationPipe(config.perf.validationFastPath));

  serveAsyncApi(app, API_PREFIX);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApi(app, globalBudget(config)), {
    jsonDocumentUrl: `${API_PREFIX}/docs.json`,
  });
  serveSpa(app, config);
}

/** The global API budget as configured (the committed document shows the defaults). */
export function globalBudget(config: AppConfig): GlobalBudget {
  return {
    userPerMin: config.env.RATE_LIMIT_USER_PER_MIN,
    anonPerMin: config.env.RATE_LIMIT_ANON_PER_MIN,
  };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** First middleware: every response, even a body-parser failure, carries a request id. */
function assignRequestId(req: Request & { id?: string }, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  req.id = given && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}

/** Every body and query string obeys the input rules before a route or the validation pipe sees it. */
function rejectUnsafeInput(req: Request, _res: Response, next: NextFunction): void {
  const found = findUnsafeInput(req.body) ?? findUnsafeInput(req.query);
  next(found ? unsafeInputError(found) : undefined);
}

function serveSpa(app: NestExpressApplication, config: AppConfig): void {
  const dist = resolve(
    config.env.WEB_DIST ?? join(__dirname, '..', '..', '..', '..', 'web', 'dist'),
  );
  if (!existsSync(join(dist, 'index.html'))) return;
  // The built files are served on every path but the API's and Socket.IO's: a request to the
  // API never costs a file-system lookup.
  const assets = serveStatic(dist, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, path) => {
      if (path.includes('/assets/'))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const index = join(dist, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApiPath(req.path)) return next();
    assets(req, res, (err?: unknown) => {
      if (err || req.method !== 'GET') return next(err);
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
}

const isApiPath = (path: string): boolean =>
  path.startsWith(`/${API_PREFIX}/`) || path === `/${API_PREFIX}` || path.startsWith('/socket.io');
