import type { ErrorCode, FieldError } from '@orgo/contracts';
import { vi } from 'vitest';

export type FakeHandler = (request: Request) => Response | Promise<Response>;

/** A fetch answering `METHOD /path` from handlers; unknown routes fail the test loudly. */
export function createFakeFetch(handlers: Record<string, FakeHandler>) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const handler = handlers[key];
    if (!handler) throw new Error(`Unexpected request in test: ${key}`);
    return handler(request);
  });
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function problem(
  status: number,
  code: ErrorCode | (string & {}),
  options: { message?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
): Response {
  return new Response(
    JSON.stringify({
      type: 'about:blank',
      title: 'Error',
      status,
      code,
      message: options.message ?? code,
      requestId: 'req-test',
      ...(options.errors ? { errors: options.errors } : {}),
    }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...options.headers } },
  );
}

/** Resolves a pending response on demand, to observe in-flight UI state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
