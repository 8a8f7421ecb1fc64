import 'reflect-metadata';
import {
  Body,
  Controller,
  Get,
  type INestApplication,
  Module,
  Post,
  UseGuards,
  type Type,
} from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { ApiProperty, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_DOC, ApiDoc, describeError, DOCUMENTED_ERRORS, type ApiDocSpec } from './api-doc';
import { AppError } from './app-error';
import { documentOperations, operationErrors, operationId } from './openapi-document';

type Operation = {
  summary?: string;
  operationId?: string;
  security?: unknown[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, ProblemResponse | { $ref: string }>;
  description?: string;
};
type ProblemResponse = {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<
    string,
    { schema?: { allOf?: { properties?: { code?: { enum: string[] } } }[] } }
  >;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(doc: OpenAPIObject): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((m) =>
      item[m] ? [[`${m.toUpperCase()} ${path}`, item[m] as unknown as Operation] as const] : [],
    ),
  ) as [string, Operation][];
}

/** The codes a response documents, following a shared `$ref` into components. */
function codesOf(doc: OpenAPIObject, res: ProblemResponse | { $ref: string }): string[] {
  const resolved = (
    '$ref' in res ? doc.components?.responses?.[res.$ref.split('/').pop()!] : res
  ) as ProblemResponse | undefined;
  const schema = resolved?.content?.['application/problem+json']?.schema;
  return schema?.allOf?.[1]?.properties?.code?.enum ?? [];
}

function headersOf(doc: OpenAPIObject, res: ProblemResponse | { $ref: string }): string[] {
  const resolved = (
    '$ref' in res ? doc.components?.responses?.[res.$ref.split('/').pop()!] : res
  ) as ProblemResponse | undefined;
  return Object.keys(resolved?.headers ?? {});
}

describe('OpenAPI operations from @ApiDoc', () => {
  const Errors = {
    gone: () => new AppError('COMMON_NOT_FOUND', 404, 'Gone.'),
    conflict: () => new AppError('USER_NICKNAME_TAKEN', 409, 'Taken.'),
  };

  class SignedInGuard {
    static readonly [DOCUMENTED_ERRORS] = [
      () => new AppError('AUTH_UNAUTHENTICATED', 401, 'Sign in.'),
    ];
    canActivate(): boolean {
      return true;
    }
  }

  class NameDto {
    @ApiProperty()
    name: string;
  }

  @UseGuards(SignedInGuard)
  @Controller('things')
  class ThingsController {
    @Post()
    @ApiDoc({
      summary: 'Create a thing',
      errors: [Errors.conflict, Errors.gone],
      limits: [{ name: 'things', limit: 5, windowSec: 3600 }],
      example: { name: 'first' },
    })
    create(@Body() dto: NameDto): NameDto {
      return dto;
    }

    @Get()
    list(): string[] {
      return [];
    }
  }

  @Controller('open')
  class OpenController {
    @Get()
    @ApiDoc({ summary: 'Read openly', errors: [] })
    read(): string {
      return 'ok';
    }
  }

  async function documentOf(...controllers: Type[]): Promise<() => OpenAPIObject> {
    @Module({ controllers })
    class DocModule {}
    const app: INestApplication = await NestFactory.create(DocModule, {
      preview: true,
      logger: false,
    });
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build(), {
      operationIdFactory: operationId,
    });
    return () => documentOperations(app, doc, { userPerMin: 200, anonPerMin: 100 });
  }

  it('refuses to build a document with an operation that has no @ApiDoc', async () => {
    const build = await documentOf(ThingsController, OpenController);
    expect(build).toThrow('operations without @ApiDoc({ summary, errors }): GET /things');
  });

  it('refuses a route guard that declares no errors', async () => {
    class SilentGuard {
      canActivate(): boolean {
        return true;
      }
    }
    @UseGuards(SilentGuard)
    @Controller('silent')
    class SilentController {
      @Get()
      @ApiDoc({ summary: 'Guarded', errors: [] })
      read(): string {
        return 'ok';
      }
    }
    const build = await documentOf(SilentController);
    expect(build).toThrow('guard SilentGuard declares no [DOCUMENTED_ERRORS]');
  });

  it('documents the handler, guard and common errors by status, with limits and the example', async () => {
    const build = await documentOf(OpenController);
    const doc = build();
    const [[, op]] = operations(doc);
    expect(op.summary).toBe('Read openly');
    expect(op.description).toContain('100 requests per minute per IP');
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '429', '500', '503']);
    expect(codesOf(doc, op.responses['429'])).toEqual(['COMMON_RATE_LIMITED']);
    expect(headersOf(doc, op.responses['429'])).toContain('Retry-After');
  });

  it('adds the errors its guards declare and the body limit', async () => {
    const { create } = Object.getOwnPropertyDescriptors(ThingsController.prototype);
    // `list` has no @ApiDoc: check the documented one through the same function the build uses.
    const spec = Reflect.getMetadata(API_DOC, create.value as object) as ApiDocSpec;
    const errors = operationErrors(
      spec,
      { controller: ThingsController, handler: create.value as object },
      true,
    );
    expect(errors.map((e) => `${e.status} ${e.code}`)).toEqual([
      '401 AUTH_UNAUTHENTICATED',
      '409 USER_NICKNAME_TAKEN',
      '404 COMMON_NOT_FOUND',
      '400 COMMON_VALIDATION_FAILED',
      '429 COMMON_RATE_LIMITED',
      '500 COMMON_INTERNAL',
      '413 COMMON_PAYLOAD_TOO_LARGE',
      '503 COMMON_SERVICE_UNAVAILABLE',
    ]);
  });
});

describe('the committed OpenAPI document (apps/api/openapi.json)', () => {
  const doc = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'openapi.json'), 'utf8'),
  ) as OpenAPIObject;
  const ops = operations(doc);

  it('has operations', () => {
    expect(ops.length).toBeGreaterThan(40);
  });

  it.each(ops)('%s has a summary, its common errors and examples of its JSON body', (name, op) => {
    expect(op.summary?.trim()).toBeTruthy();
    expect(op.description).toContain('**Rate limits.**');
    expect(codesOf(doc, op.responses['400'])).toContain('COMMON_VALIDATION_FAILED');
    if (name.includes(' /api/health/')) {
      // Probes are outside the API budget (@NoApiRateLimit): never a 429.
      expect(op.responses['429']).toBeUndefined();
    } else {
      expect(codesOf(doc, op.responses['429'])).toEqual(['COMMON_RATE_LIMITED']);
      expect(headersOf(doc, op.responses['429'])).toContain('Retry-After');
    }
    expect(codesOf(doc, op.responses['500'])).toEqual(['COMMON_INTERNAL']);
    expect(op.responses['4XX']).toBeUndefined();
    const json = op.requestBody?.content['application/json'];
    if (json) expect(json.example).toBeDefined();
    if (op.security?.length)
      expect(codesOf(doc, op.responses['401'])).toContain('AUTH_TOKEN_INVALID');
  });

  // Every controller in the source, so a new one cannot be left out of this check.
  async function documentedHandlers(): Promise<(readonly [string, ApiDocSpec])[]> {
    const src = join(__dirname, '..', '..');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.controller.ts'),
    );
    const controllers: Type[] = [];
    for (const f of files) {
      const exports = (await import(join(src, f))) as Record<string, unknown>;
      for (const v of Object.values(exports))
        if (typeof v === 'function' && Reflect.hasMetadata(PATH_METADATA, v))
          controllers.push(v as Type);
    }
    return controllers.flatMap((c) =>
      Object.getOwnPropertyNames(c.prototype).flatMap((name) => {
        const handler = (c.prototype as Record<string, object>)[name];
        const spec = Reflect.getMetadata(API_DOC, handler) as ApiDocSpec | undefined;
        return spec ? [[operationId(c.name, name), spec] as const] : [];
      }),
    );
  }

  it('lists, for every documented handler, each error its @ApiDoc declares under its status', async () => {
    const documented = await documentedHandlers();
    expect(documented.length).toBe(ops.length);
    const missing: string[] = [];
    for (const [id, spec] of documented) {
      const op = ops.find(([, o]) => o.operationId === id)?.[1];
      if (op?.summary !== spec.summary) missing.push(`${id}: summary`);
      for (const factory of spec.errors) {
        const { code, status } = describeError(factory);
        const response = op?.responses[String(status)];
        if (!response || !codesOf(doc, response).includes(code))
          missing.push(`${id}: ${status} ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
