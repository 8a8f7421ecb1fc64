import type { HttpResult } from './client';

/** Asserts a problem-details answer: status, stable code, message and request id. */
export function expectProblem(res: HttpResult, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(typeof res.body.message).toBe('string');
  expect(res.body.requestId).toBeTruthy();
}
