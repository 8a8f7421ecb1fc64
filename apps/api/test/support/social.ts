import { ApiClient } from './client';

export interface TestUser extends ApiClient {
  id: string;
  email: string;
}

/** A freshly signed-up user whose client keeps its tokens. */
export async function newUser(
  baseUrl: string,
  overrides: { nickname?: string } = {},
): Promise<TestUser> {
  const c = new ApiClient(baseUrl);
  const { userId, email } = await c.signup(overrides);
  return Object.assign(c, { id: userId, email });
}

/** Fails when any of the addresses, or anything shaped like an email, is in the payload. */
export function expectNoEmail(payload: unknown, ...emails: string[]): void {
  const text = JSON.stringify(payload ?? null);
  for (const email of emails) expect(text).not.toContain(email);
  expect(text).not.toMatch(/"email"\s*:/);
  expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
}
