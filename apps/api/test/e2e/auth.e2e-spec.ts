import { ApiClient, cookieValue } from '../support/client';
import { ApiProcess, startApi } from '../support/api-process';

let api: ApiProcess;

beforeAll(async () => {
  api = await startApi({ REFRESH_GRACE_SEC: '2' });
});

afterAll(async () => {
  await api?.stop();
});

const client = () => new ApiClient(api.url);

function expectProblem(
  res: { status: number; body: any; headers: Headers },
  status: number,
  code: string,
) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(typeof res.body.message).toBe('string');
  expect(res.body.requestId).toBeTruthy();
}

describe('sign up', () => {
  it('creates an account with a default Korean nickname and returns tokens', async () => {
    const c = client();
    const { body, email } = await c.signup();
    expect(body.user.email).toBe(email);
    expect(body.user.nickname).toMatch(/^[가-힣]+\d*$/);
    expect(body.expiresIn).toBeLessThanOrEqual(900);
    const me = await c.get('/api/users/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(body.user);
  });

  it.each([
    ['missing fields', {}, 'COMMON_VALIDATION_FAILED'],
    ['bad email', { email: 'nope', password: 'long enough pass' }, 'COMMON_VALIDATION_FAILED'],
    ['short password', { email: 'a@b.co', password: 'short' }, 'COMMON_VALIDATION_FAILED'],
    [
      'password over 256',
      { email: 'a@b.co', password: 'x'.repeat(257) },
      'COMMON_VALIDATION_FAILED',
    ],
    [
      'unknown field',
      { email: 'a@b.co', password: 'long enough pass', admin: true },
      'COMMON_VALIDATION_FAILED',
    ],
    ['wrong types', { email: 42, password: ['x'] }, 'COMMON_VALIDATION_FAILED'],
    ['common password', { email: 'common@b.co', password: 'baseball' }, 'AUTH_PASSWORD_TOO_COMMON'],
    [
      'nickname too long',
      { email: 'a@b.co', password: 'long enough pass', nickname: 'n'.repeat(21) },
      'COMMON_VALIDATION_FAILED',
    ],
  ])('refuses %s with 400 and a code', async (_name, body, code) => {
    const res = await client().post('/api/auth/signup', body);
    expectProblem(res, 400, code);
  });

  it('lists field errors', async () => {
    const res = await client().post('/api/auth/signup', { email: 'bad', password: 'short' });
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'password',
    ]);
  });

  it('refuses a taken email (case-insensitive) with 409 and writes nothing', async () => {
    const { email } = await client().signup();
    const res = await client().post('/api/auth/signup', {
      email: email.toUpperCase(),
      password: 'another good pass',
    });
    expectProblem(res, 409, 'AUTH_EMAIL_TAKEN');
  });

  it('refuses a taken nickname with 409', async () => {
    const first = await client().signup();
    const res = await client().post('/api/auth/signup', {
      email: `x${Date.now()}@example.com`,
      password: 'another good pass',
      nickname: first.body.user.nickname,
    });
    expectProblem(res, 409, 'USER_NICKNAME_TAKEN');
  });

  it('answers malformed JSON with 400, never 5xx', async () => {
    const res = await client().request('POST', '/api/auth/signup', { raw: '{"email":' });
    expectProblem(res, 400, 'COMMON_VALIDATION_FAILED');
  });

  it('lets a classroom of 40 sign up from one address', async () => {
    const c = client();
    // Every student behind the classroom's one address.
    const classroom = Array.from({ length: 40 }, () =>
      Object.assign(new ApiClient(api.url), { ip: c.ip }).signup(),
    );
    const accounts = await Promise.all(classroom);
    expect(new Set(accounts.map((a) => a.userId)).size).toBe(40);
  });

  it('refuses the same bad nicknames as profile edit, with the same field error', async () => {
    const editor = client();
    await editor.signup();
    for (const nickname of ['<b>boss</b>', 'admin\u202Egnp', 'two\nlines', 'ab\u200bcd', '가']) {
      const signup = await client().post('/api/auth/signup', {
        email: `nick-${Math.random().toString(36).slice(2)}@example.com`,
        password: 'good enough pass',
        nickname,
      });
      const edit = await editor.request('PATCH', '/api/users/me', { body: { nickname } });
      expectProblem(signup, 400, 'COMMON_VALIDATION_FAILED');
      expectProblem(edit, 400, 'COMMON_VALIDATION_FAILED');
      const nicknameErrors = (res: typeof signup) =>
        (res.body.errors as { field: string; code: string }[]).filter(
          (e) => e.field === 'nickname',
        );
      expect(nicknameErrors(signup)).toEqual(nicknameErrors(edit));
      expect(nicknameErrors(signup).length).toBeGreaterThan(0);
    }
  });

  it('stores a signed-up nickname trimmed', async () => {
    const nickname = `trim${Math.random().toString(36).slice(2, 8)}`;
    const { body } = await client().signup({ nickname: `  ${nickname}  ` });
    expect(body.user.nickname).toBe(nickname);
  });

  it('refuses a password made of the email name or nickname, and a common one with a suffix', async () => {
    const local = `mina${Math.random().toString(36).slice(2, 8)}`;
    const email = `${local}@example.com`;
    expectProblem(
      await client().post('/api/auth/signup', { email, password: `${local}!2026` }),
      400,
      'AUTH_PASSWORD_TOO_PERSONAL',
    );
    expectProblem(
      await client().post('/api/auth/signup', {
        email,
        password: 'violet-bluewhale-7',
        nickname: 'BlueWhale',
      }),
      400,
      'AUTH_PASSWORD_TOO_PERSONAL',
    );
    expectProblem(
      await client().post('/api/auth/signup', { email, password: 'Password123!' }),
      400,
      'AUTH_PASSWORD_TOO_COMMON',
    );
  });
});

describe('log in', () => {
  it('logs in with the right password and refuses a wrong one with the same message as an unknown email', async () => {
    const { email, password } = await client().signup();
    const ok = await client().post('/api/auth/login', { email, password });
    expect(ok.status).toBe(200);
    expect(ok.body.refreshToken).toBeTruthy();
    const wrong = await client().post('/api/auth/login', { email, password: 'not the password' });
    const unknown = await client().post('/api/auth/login', {
      email: 'nobody@example.com',
      password: 'not the password',
    });
    expectProblem(wrong, 401, 'AUTH_CREDENTIALS_INVALID');
    expectProblem(unknown, 401, 'AUTH_CREDENTIALS_INVALID');
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('refuses bad input with 400', async () => {
    expectProblem(
      await client().post('/api/auth/login', { email: 'a@b.co' }),
      400,
      'COMMON_VALIDATION_FAILED',
    );
    expectProblem(
      await client().post('/api/auth/login', { email: 'a@b.co', password: 'x'.repeat(300) }),
      400,
      'COMMON_VALIDATION_FAILED',
    );
  });

  it('locks an account after 5 failed logins in 30 minutes, from any address', async () => {
    const { email, password } = await client().signup();
    for (let i = 0; i < 5; i++) {
      expect(
        (await client().post('/api/auth/login', { email, password: `wrong-${i}-password` })).status,
      ).toBe(401);
    }
    const locked = await client().post('/api/auth/login', { email, password });
    expectProblem(locked, 429, 'COMMON_RATE_LIMITED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it('charges concurrent wrong guesses before hashing: 20 at once get at most 5 checks', async () => {
    const { email } = await client().signup();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client().post('/api/auth/login', { email, password: `wrong-${i}-password` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(15);
  });

  it('limits one address to 25 login attempts per 5 minutes', async () => {
    const c = client();
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++)
      statuses.push(
        (await c.post('/api/auth/login', { email: `n${i}@example.com`, password: 'whatever pass' }))
          .status,
      );
    expect(statuses.slice(0, 25).every((s) => s === 401)).toBe(true);
    expect(statuses[25]).toBe(429);
  });

  it('sets the refresh token as a __Host- cookie for browsers and keeps it out of the body', async () => {
    const { email, password } = await client().signup();
    const res = await client().post('/api/auth/login', { email, password, useCookie: true });
    expect(res.body.refreshToken).toBeUndefined();
    const raw = res.headers.getSetCookie().join('\n');
    expect(raw).toMatch(/__Host-rt=[\w-]{43};/);
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/Secure/);
    expect(raw).toMatch(/SameSite=Strict/);
    expect(raw).toMatch(/Path=\//);
  });
});

describe('refresh rotation', () => {
  it('rotates on every use; the old token within the grace window returns the same successor', async () => {
    const c = client();
    const { refreshToken } = await c.signup();
    const first = await c.post('/api/auth/refresh', { refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(refreshToken);
    const again = await c.post('/api/auth/refresh', { refreshToken });
    expect(again.status).toBe(200);
    expect(again.body.refreshToken).toBe(first.body.refreshToken);
    const next = await c.post('/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(next.status).toBe(200);
  });

  it('two tabs refreshing at once both succeed', async () => {
    const c = client();
    const { refreshToken } = await c.signup();
    const [a, b] = await Promise.all([
      c.post('/api/auth/refresh', { refreshToken }),
      c.post('/api/auth/refresh', { refreshToken }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.refreshToken).toBe(b.body.refreshToken);
  });

  it('reuse after the grace window revokes the whole family', async () => {
    const c = client();
    const { refreshToken } = await c.signup();
    const rotated = await c.post('/api/auth/refresh', { refreshToken });
    c.accessToken = rotated.body.accessToken;
    await new Promise((r) => setTimeout(r, 2500));
    const reuse = await c.post('/api/auth/refresh', { refreshToken });
    expectProblem(reuse, 401, 'AUTH_REFRESH_REUSED');
    expectProblem(
      await c.post('/api/auth/refresh', { refreshToken: rotated.body.refreshToken }),
      401,
      'AUTH_REFRESH_INVALID',
    );
    expectProblem(await c.get('/api/users/me'), 401, 'AUTH_SESSION_REVOKED');
  });

  it('refuses unknown, missing and malformed tokens with 4xx', async () => {
    expectProblem(
      await client().post('/api/auth/refresh', { refreshToken: 'nope' }),
      401,
      'AUTH_REFRESH_INVALID',
    );
    expectProblem(await client().post('/api/auth/refresh', {}), 401, 'AUTH_REFRESH_INVALID');
    expectProblem(
      await client().post('/api/auth/refresh', { refreshToken: 12 }),
      400,
      'COMMON_VALIDATION_FAILED',
    );
  });

  it('with the cookie, demands the CSRF header and an allowed Origin', async () => {
    const c = client();
    const { email, password } = await c.signup();
    const login = await c.post('/api/auth/login', { email, password, useCookie: true });
    const cookie = `__Host-rt=${cookieValue(login.headers, '__Host-rt')}`;
    expectProblem(await c.post('/api/auth/refresh', {}, { cookie }), 403, 'AUTH_CSRF_FAILED');
    expectProblem(
      await c.post(
        '/api/auth/refresh',
        {},
        { cookie, 'x-csrf': '1', origin: 'https://evil.example' },
      ),
      403,
      'AUTH_CSRF_FAILED',
    );
    const ok = await c.post('/api/auth/refresh', {}, { cookie, 'x-csrf': '1', origin: api.origin });
    expect(ok.status).toBe(200);
    expect(ok.body.refreshToken).toBeUndefined();
    expect(cookieValue(ok.headers, '__Host-rt')).toMatch(/^[\w-]{43}$/);
  });
});

describe('sessions', () => {
  it('lists my sessions with the current one marked, and revokes one immediately', async () => {
    const a = client();
    const { email, password } = await a.signup();
    const b = client();
    const login = await b.post('/api/auth/login', { email, password });
    b.accessToken = login.body.accessToken;
    const list = await a.get('/api/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(list.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body.map((s: { ip: string }) => s.ip).sort()).toEqual([a.ip, b.ip].sort());
    const other = list.body.find((s: { current: boolean }) => !s.current);
    expect((await a.delete(`/api/auth/sessions/${other.id}`)).status).toBe(204);
    expectProblem(await b.get('/api/users/me'), 401, 'AUTH_SESSION_REVOKED');
    expect((await a.get('/api/users/me')).status).toBe(200);
  });

  it("cannot revoke another user's session (404, same as missing) and validates the id", async () => {
    const a = client();
    await a.signup();
    const b = client();
    await b.signup();
    const bSession = (await b.get('/api/auth/sessions')).body[0].id;
    expectProblem(await a.delete(`/api/auth/sessions/${bSession}`), 404, 'AUTH_SESSION_NOT_FOUND');
    expect((await b.get('/api/users/me')).status).toBe(200);
    expectProblem(
      await a.delete('/api/auth/sessions/00000000-0000-4000-8000-000000000000'),
      404,
      'AUTH_SESSION_NOT_FOUND',
    );
    expectProblem(await a.delete('/api/auth/sessions/not-a-uuid'), 400, 'COMMON_VALIDATION_FAILED');
  });

  it('logout ends the session and its refresh token', async () => {
    const c = client();
    const { refreshToken } = await c.signup();
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expectProblem(await c.get('/api/users/me'), 401, 'AUTH_SESSION_REVOKED');
    expectProblem(await c.post('/api/auth/refresh', { refreshToken }), 401, 'AUTH_REFRESH_INVALID');
  });

  it('logout everywhere ends every session of the user only', async () => {
    const a = client();
    const { email, password } = await a.signup();
    const b = client();
    b.accessToken = (await b.post('/api/auth/login', { email, password })).body.accessToken;
    const stranger = client();
    await stranger.signup();
    expect((await a.post('/api/auth/logout-all')).status).toBe(204);
    expectProblem(await a.get('/api/users/me'), 401, 'AUTH_SESSION_REVOKED');
    expectProblem(await b.get('/api/users/me'), 401, 'AUTH_SESSION_REVOKED');
    expect((await stranger.get('/api/users/me')).status).toBe(200);
  });

  it('refuses protected endpoints without a token, with a forged token, and with alg none', async () => {
    const c = client();
    const { body } = await c.signup();
    expectProblem(await client().get('/api/users/me'), 401, 'AUTH_UNAUTHENTICATED');
    const [h, p] = (body.accessToken as string).split('.');
    expectProblem(
      await client().get('/api/users/me', { authorization: `Bearer ${h}.${p}.forged` }),
      401,
      'AUTH_TOKEN_INVALID',
    );
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expectProblem(
      await client().get('/api/users/me', { authorization: `Bearer ${none}.${p}.` }),
      401,
      'AUTH_TOKEN_INVALID',
    );
  });
});
