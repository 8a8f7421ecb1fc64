import { ApiClient } from '../support/client';
import { withDb } from '../support/db';

/** Where a client talks to: an API process (anything with a `url`) or its base URL. */
export type ApiTarget = string | { url: string };

export const baseUrlOf = (target: ApiTarget): string =>
  typeof target === 'string' ? target : target.url;

/** A signed-up account and its client, which keeps the account's access token. */
export interface TestUser {
  api: ApiClient;
  userId: string;
  email: string;
  password: string;
  nickname: string;
  refreshToken: string;
}

export interface UserOptions {
  email?: string;
  password?: string;
  nickname?: string;
}

/** A freshly signed-up user (email not yet verified), with a client of its own address. */
export async function createUser(target: ApiTarget, opts: UserOptions = {}): Promise<TestUser> {
  const api = new ApiClient(baseUrlOf(target));
  const { userId, email, password, refreshToken, body } = await api.signup(opts);
  return { api, userId, email, password, refreshToken, nickname: body.user.nickname };
}

/**
 * A freshly signed-up user whose email is verified (chat is for verified accounts). The mail
 * round trip itself is covered in email.e2e-spec; here the database marks it.
 */
export async function createVerifiedUser(
  target: ApiTarget,
  opts: UserOptions = {},
): Promise<TestUser> {
  const user = await createUser(target, opts);
  await markEmailVerified({ userId: user.userId });
  return user;
}

/** Marks an account's email verified in the database, by id or by address. */
export async function markEmailVerified(who: { userId: string } | { email: string }) {
  await withDb((db) =>
    'userId' in who
      ? db.query('UPDATE app_user SET email_verified_at = now() WHERE id = $1', [who.userId])
      : db.query('UPDATE app_user SET email_verified_at = now() WHERE email = $1', [who.email]),
  );
}

/** A new session of an account: a fresh client of `target` signed in with the password. */
export async function signIn(
  target: ApiTarget,
  { email, password }: { email: string; password: string },
): Promise<ApiClient> {
  const api = new ApiClient(baseUrlOf(target));
  const res = await api.post('/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${JSON.stringify(res.body)}`);
  api.accessToken = res.body.accessToken;
  return api;
}

/** The same user (same access token) as seen through another instance. */
export function sameUserOn(user: TestUser, target: ApiTarget): TestUser {
  const api = new ApiClient(baseUrlOf(target));
  api.accessToken = user.api.accessToken;
  return { ...user, api };
}
