import { Logger } from '@nestjs/common';
import { OAuthErrors } from '../oauth.errors';

const TIMEOUT_MS = 10_000;
const log = new Logger('OAuth');

/** Calls a provider endpoint; a transport failure, a non-2xx or a non-JSON answer is a provider error. */
export async function providerJson<T>(what: string, url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    log.warn(`${what} unreachable: ${(err as Error).message}`);
    throw OAuthErrors.providerError();
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!res.ok || body === undefined) {
    log.warn(`${what} answered ${res.status}${errorField(body)}`);
    throw OAuthErrors.providerError();
  }
  return body as T;
}

export function formPost(params: Record<string, string>): RequestInit {
  return {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  };
}

/** The OAuth `error` code of an answer, for the log; never the body (it may hold tokens). */
export function errorField(body: unknown): string {
  const error = (body as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' ? ` (${error.slice(0, 64)})` : '';
}
