import { applyDecorators, SetMetadata, type Type } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { ApiOperation } from '@nestjs/swagger';
import { ErrorCodes, type ErrorCode } from '@orgo/contracts';
import type { AppError } from './app-error';
import type { RateLimitRule } from './rate-limit.service';

/** An error factory of a module's `*.errors.ts` (`AuthErrors.credentialsInvalid`, …). */
export type ErrorFactory = (...args: never[]) => AppError;

/** One documented way an operation can fail. */
export interface DocumentedError {
  code: ErrorCode;
  status: number;
  message: string;
  /** Response headers it comes with (`Retry-After`, …). */
  headers?: string[];
}

export interface ApiDocSpec {
  summary: string;
  description?: string;
  /**
   * Every error the handler itself can answer with, as the factories that raise them: the one
   * list of them. Guards, pipes, body limits and rate limits common to many routes are added from
   * their metadata (`documentedErrors` of the route's guards).
   */
  errors: ErrorFactory[];
  /** Budgets of this operation beyond the global one, described with their refusal (429). */
  limits?: (RateLimitRule | string)[];
  /** An example request body (JSON). */
  example?: unknown;
}

export const API_DOC = 'orgo:api-doc';

/**
 * A guard class lists the errors it can answer with under this key (a static property), so every
 * route behind it documents them; building the OpenAPI document fails for a guard without it.
 */
export const DOCUMENTED_ERRORS = Symbol('orgo:documented-errors');

/** Summary, description, errors, limits and an example of one REST operation. */
export function ApiDoc(spec: ApiDocSpec): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: spec.summary, description: spec.description }),
    SetMetadata(API_DOC, spec),
  );
}

/** What a factory raises, read by calling it once (its arguments only shape the message). */
export function describeError(factory: ErrorFactory): DocumentedError {
  const error = (factory as () => AppError)();
  return {
    code: error.code,
    status: error.status,
    message: error.message,
    ...(error.headers ? { headers: Object.keys(error.headers) } : {}),
  };
}

/** The errors the guards of a route (class and method) declare. */
export function guardErrors(controller: Type, handler: object): ErrorFactory[] {
  const guards = [
    ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? []),
  ];
  return guards.flatMap((g) => {
    const type = (typeof g === 'function' ? g : (g as object | undefined)?.constructor) as
      { name: string; [DOCUMENTED_ERRORS]?: ErrorFactory[] } | undefined;
    const errors = type?.[DOCUMENTED_ERRORS];
    // A route guard that says nothing would leave its refusals out of every operation behind it.
    if (!errors)
      throw new Error(`guard ${type?.name ?? String(g)} declares no [DOCUMENTED_ERRORS]`);
    return errors;
  });
}

/** Whether a route sits behind a guard that authenticates (it documents `AUTH_UNAUTHENTICATED`). */
export function requiresAuth(errors: DocumentedError[]): boolean {
  return errors.some((e) => e.code === 'AUTH_UNAUTHENTICATED');
}

const RATE_LIMIT_HEADERS = [
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
];

/** Errors every operation can answer with, whatever its handler does. */
export function commonErrors(hasBody: boolean): DocumentedError[] {
  const errors: DocumentedError[] = [
    {
      code: 'COMMON_VALIDATION_FAILED',
      status: 400,
      message:
        'The request has invalid fields (path, query or body; `errors` names each field and rule).',
    },
    {
      code: 'COMMON_RATE_LIMITED',
      status: 429,
      message: 'Too many requests. Try again after `Retry-After` seconds.',
      headers: RATE_LIMIT_HEADERS,
    },
    { code: 'COMMON_INTERNAL', status: 500, message: 'Something went wrong on our side.' },
  ];
  if (hasBody)
    errors.push({
      code: 'COMMON_PAYLOAD_TOO_LARGE',
      status: 413,
      message: 'Request body is too large (JSON bodies up to 100 kB).',
    });
  // A dependency (database, Redis) that is down or too slow answers 503 with Retry-After, under
  // its own code once the contracts define it.
  const unavailable = 'COMMON_SERVICE_UNAVAILABLE';
  if ((ErrorCodes as readonly string[]).includes(unavailable))
    errors.push({
      code: unavailable as ErrorCode,
      status: 503,
      message: 'The service is temporarily unavailable. Try again after `Retry-After` seconds.',
      headers: ['Retry-After'],
    });
  return errors;
}

/** "20 per 10 s", "5 per 30 min", "2 per hour", "5 per day". */
export function describeRule(rule: RateLimitRule | string): string {
  if (typeof rule === 'string') return rule;
  const w = rule.windowSec;
  const window =
    w % 86_400 === 0
      ? w === 86_400
        ? 'day'
        : `${w / 86_400} days`
      : w % 3600 === 0
        ? w === 3600
          ? 'hour'
          : `${w / 3600} hours`
        : w % 60 === 0
          ? w === 60
            ? 'minute'
            : `${w / 60} min`
          : `${w} s`;
  return `${rule.limit} per ${window} (\`${rule.name}\`)`;
}
