import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import {
  API_DOC,
  commonErrors,
  describeError,
  describeRule,
  guardErrors,
  requiresAuth,
  type ApiDocSpec,
  type DocumentedError,
} from './api-doc';
import { ProblemDto } from './problem.dto';
import { isRateLimitExempt, rateLimitOverride } from './rate-limit.guard';
import type { RateLimitRule } from './rate-limit.service';

/** The global budget every operation is charged against (per user when signed in, else per IP). */
export interface GlobalBudget {
  userPerMin: number;
  anonPerMin: number;
}

export const operationId = (controller: string, method: string): string =>
  `${controller.replace(/Controller$/, '')}_${method}`;

type PathItem = OpenAPIObject['paths'][string];
type OperationObject = NonNullable<PathItem['get']>;
type ResponseObject = Exclude<OperationObject['responses'][string], { $ref: string }>;

/** A status whose only error is a common one refers to one shared response of that name. */
const SHARED_RESPONSES: Partial<Record<string, string>> = {
  COMMON_VALIDATION_FAILED: 'ValidationFailed',
  COMMON_PAYLOAD_TOO_LARGE: 'PayloadTooLarge',
  COMMON_RATE_LIMITED: 'RateLimited',
  COMMON_INTERNAL: 'Internal',
  COMMON_SERVICE_UNAVAILABLE: 'ServiceUnavailable',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const HEADER_DOCS: Record<string, { description: string; schema: { type: 'integer' } }> = {
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
  'RateLimit-Limit': {
    description: 'Requests allowed in the current window.',
    schema: { type: 'integer' },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current window.',
    schema: { type: 'integer' },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the window resets.',
    schema: { type: 'integer' },
  },
};

/**
 * Completes every operation from its `@ApiDoc` (and its guards): errors grouped by status with
 * the problem-details schema and the `code` enum restricted to what the operation can answer,
 * rate limits, auth and the request example. Throws when an operation has no `@ApiDoc` or no
 * summary, so an undocumented route cannot reach the committed document.
 */
export function documentOperations(
  app: INestApplication,
  document: OpenAPIObject,
  budget: GlobalBudget,
): OpenAPIObject {
  const routes = routeHandlers(app);
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const route = op.operationId ? routes.get(op.operationId) : undefined;
      const spec = route
        ? (Reflect.getMetadata(API_DOC, route.handler) as ApiDocSpec | undefined)
        : undefined;
      if (!route || !spec?.summary) {
        missing.push(`${method.toUpperCase()} ${path}`);
        continue;
      }
      completeOperation(op, spec, route, rateLimitOverride(route.handler), budget);
    }
  }
  document.components = {
    ...document.components,
    headers: HEADER_DOCS,
    responses: Object.fromEntries(
      commonErrors(true).map((e) => [SHARED_RESPONSES[e.code], problemResponse([e])]),
    ),
  };
  if (missing.length)
    throw new Error(`operations without @ApiDoc({ summary, errors }): ${missing.join(', ')}`);
  return document;
}

/** The errors an operation documents: its own, its guards' and the common ones, by status. */
export function operationErrors(
  spec: ApiDocSpec,
  route: { controller: Type; handler: object },
  hasBody: boolean,
): DocumentedError[] {
  const all = [
    ...guardErrors(route.controller, route.handler).map(describeError),
    ...spec.errors.map(describeError),
    ...commonErrors(hasBody),
  ];
  const seen = new Set<string>();
  return all.filter((e) => !seen.has(e.code) && seen.add(e.code));
}

function completeOperation(
  op: OperationObject,
  spec: ApiDocSpec,
  route: { controller: Type; handler: object },
  override: RateLimitRule | undefined,
  budget: GlobalBudget,
): void {
  // The 100 kB limit is the JSON parser's; uploads have their own (their handlers' errors).
  const json = (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content?.[
    'application/json'
  ];
  const exempt = isRateLimitExempt(route.handler);
  // Probes outside the API budget (health) are never answered 429.
  const errors = operationErrors(spec, route, Boolean(json)).filter(
    (e) => !exempt || e.code !== 'COMMON_RATE_LIMITED',
  );
  const auth = requiresAuth(errors);
  if (auth && !op.security?.length) op.security = [{ bearer: [] }];

  const budgetText = override
    ? `this route's own budget, ${describeRule(override)} per IP`
    : auth
      ? `the API budget of ${budget.userPerMin} requests per minute per user`
      : `the API budget of ${budget.anonPerMin} requests per minute per IP (${budget.userPerMin} per user with a Bearer token)`;
  const limits = [
    `Counts against ${budgetText}; every answer carries \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\`.`,
    ...(spec.limits?.length
      ? [`Also limited to ${spec.limits.map(describeRule).join('; ')}.`]
      : []),
    'Over a limit: 429 `COMMON_RATE_LIMITED` with `Retry-After` (seconds).',
  ];
  op.description = [
    spec.description,
    exempt
      ? '**Rate limits.** None: outside the API budget.'
      : `**Rate limits.** ${limits.join(' ')}`,
  ]
    .filter(Boolean)
    .join('\n\n');

  const byStatus = new Map<number, DocumentedError[]>();
  for (const e of errors) byStatus.set(e.status, [...(byStatus.get(e.status) ?? []), e]);
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const key = String(status);
    // A status the operation answers with its own body (health/ready's 503) keeps it.
    const existing = op.responses[key] as ResponseObject | undefined;
    if (existing?.content && !existing.content['application/problem+json']) continue;
    const shared = list.length === 1 ? SHARED_RESPONSES[list[0].code] : undefined;
    op.responses[key] = shared
      ? { $ref: `#/components/responses/${shared}` }
      : problemResponse(list);
  }
  delete op.responses['4XX'];

  if (spec.example !== undefined) {
    const body = op.requestBody as { content?: Record<string, { example?: unknown }> } | undefined;
    const json = body?.content?.['application/json'];
    if (json) json.example = spec.example;
  }
}

function problemResponse(errors: DocumentedError[]): ResponseObject {
  const headers = [...new Set(errors.flatMap((e) => e.headers ?? []))];
  return {
    description: errors.map((e) => `\`${e.code}\`: ${e.message}`).join('\n\n'),
    ...(headers.length
      ? {
          headers: Object.fromEntries(
            headers.map((h) => [h, { $ref: `#/components/headers/${h}` }]),
          ),
        }
      : {}),
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: getSchemaPath(ProblemDto) },
            {
              type: 'object',
              properties: { code: { type: 'string', enum: errors.map((e) => e.code) } },
            },
          ],
        },
      },
    },
  };
}

/** Every controller method by its operation id (the same factory as the document's). */
function routeHandlers(app: INestApplication): Map<string, { controller: Type; handler: object }> {
  const routes = new Map<string, { controller: Type; handler: object }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        routes.set(operationId(controller.name, name), { controller, handler });
      }
    }
  }
  return routes;
}
