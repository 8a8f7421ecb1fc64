import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode, FieldError } from '@orgo/contracts';
import { ValidationError } from 'class-validator';
import { QueryFailedError } from 'typeorm';
import { dependencyUnavailable } from '../health/metrics';
import { isRedisUnavailable } from '../redis/redis.module';
import { AppError, serviceUnavailable } from './app-error';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const codeByStatus: Record<number, ErrorCode> = {
  401: 'AUTH_UNAUTHENTICATED',
  403: 'COMMON_FORBIDDEN',
  404: 'COMMON_NOT_FOUND',
  413: 'COMMON_PAYLOAD_TOO_LARGE',
  429: 'COMMON_RATE_LIMITED',
};

export interface Problem {
  body: ApiErrorBody;
  headers: Record<string, string>;
}

/** Maps anything thrown to one problem-details body; unknown errors become a bare 500. */
export function toProblem(error: unknown, requestId?: string): Problem {
  let status = 500;
  let code: ErrorCode = 'COMMON_INTERNAL';
  let message = 'Something went wrong on our side.';
  let errors: FieldError[] | undefined;
  let headers: Record<string, string> = {};

  const unavailable = unavailableDependency(error);
  if (unavailable) {
    dependencyUnavailable.inc({ dependency: unavailable });
    error = serviceUnavailable();
  }
  if (error instanceof AppError) {
    ({ status, code, message, errors } = error);
    headers = error.headers ?? {};
  } else if (error instanceof HttpException) {
    status = error.getStatus();
    const res = error.getResponse();
    if (status < 500) {
      code =
        status === 400 || status === 422
          ? 'COMMON_VALIDATION_FAILED'
          : (codeByStatus[status] ?? 'COMMON_VALIDATION_FAILED');
      message =
        typeof res === 'string'
          ? res
          : ((res as { message?: unknown }).message?.toString() ?? error.message);
    }
  } else if (isDataException(error)) {
    // Class 22: a value the column cannot hold (too long as Postgres counts characters, out of
    // range): the request's value, not the server, so a 400 like any other refused value.
    status = 400;
    code = 'COMMON_VALIDATION_FAILED';
    message = 'A value is too long or out of range.';
  } else if (isBodyParserError(error)) {
    status = error.status;
    code = status === 413 ? 'COMMON_PAYLOAD_TOO_LARGE' : 'COMMON_VALIDATION_FAILED';
    message = status === 413 ? 'Request body is too large.' : 'Request body is not valid JSON.';
  }

  return {
    body: {
      type: 'about:blank',
      title: titles[status] ?? HttpStatus[status] ?? 'Error',
      status,
      code,
      message,
      ...(errors ? { errors } : {}),
      ...(requestId ? { requestId } : {}),
    },
    headers,
  };
}

/**
 * SQLSTATEs of a database that is blocked, overloaded or going away: lock_not_available
 * (lock_timeout), query_canceled (statement_timeout), too_many_connections, admin_shutdown,
 * crash_shutdown, cannot_connect_now, and every connection exception (class 08).
 */
const UNAVAILABLE_SQLSTATES = /^(55P03|57014|53300|57P01|57P02|57P03|08...)$/;

/** A Postgres error that says the database is busy, locked or going away: a 503, not the request's fault. */
export function isUnavailableDatabaseError(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } })?.driverError?.code;
  return (
    error instanceof QueryFailedError &&
    typeof code === 'string' &&
    UNAVAILABLE_SQLSTATES.test(code)
  );
}

/**
 * pg when no pooled connection frees up within connectionTimeoutMillis, a connect times out, or
 * the server closes a connection mid-query.
 */
const POOL_TIMEOUT =
  /^(timeout exceeded when trying to connect|Connection terminated (due to connection timeout|unexpectedly))/;

/** Which dependency made this request fail by being down or too slow (answered 503), if any. */
function unavailableDependency(error: unknown): 'database' | 'redis' | null {
  if (error instanceof QueryFailedError)
    return isUnavailableDatabaseError(error) ? 'database' : null;
  if (!(error instanceof Error)) return null;
  if (POOL_TIMEOUT.test(error.message)) return 'database';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_SQLSTATES.test(code)) return 'database';
  return isRedisUnavailable(error) ? 'redis' : null;
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { type?: unknown }).type === 'string' &&
    typeof (e as { status?: unknown }).status === 'number'
  );
}

export function validationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      code: rule,
      message,
    }));
    return [...own, ...validationErrors(e.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): AppError {
  return new AppError(
    'COMMON_VALIDATION_FAILED',
    400,
    'The request has invalid fields.',
    validationErrors(errors),
  );
}

/** SQLSTATE class 22 (data exception) from Postgres. */
function isDataException(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('22');
}
