import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ApiProcess, startApi } from '../support/api-process';
import { ApiClient } from '../support/client';
import { readState } from '../support/env';
import { expectProblem } from '../support/expect-problem';
import {
  codeOf,
  latestMail,
  linkTokenOf,
  mailsTo,
  smtpUrl,
  waitForMails,
} from '../support/mailbox';

let api: ApiProcess;
let db: Client;

jest.setTimeout(60_000);

beforeAll(async () => {
  api = await startApi({ SMTP_URL: smtpUrl() });
  db = new Client({ connectionString: readState().databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

const uniqueEmail = (tag: string) => `${tag}-${randomBytes(6).toString('hex')}@example.com`;

/** One account signed in twice: `c` (acting) and `other`. */
async function account() {
  const c = new ApiClient(api.url);
  const signedUp = await c.signup({ email: uniqueEmail('old') });
  const other = new ApiClient(api.url);
  other.accessToken = (
    await other.post('/api/auth/login', { email: signedUp.email, password: signedUp.password })
  ).body.accessToken;
  return { c, other, ...signedUp };
}

const changeMailTo = async (address: string) => {
  const mail = await latestMail(address);
  expect(mail.subject).toContain('새 이메일 주소 확인');
  return codeOf(mail);
};

describe('email change', () => {
  it('changes the email once the code mailed to the new address is confirmed; sessions stay', async () => {
    const { c, other, email, password, userId } = await account();
    const newEmail = uniqueEmail('New');

    const requested = await c.post('/api/auth/email/change', { newEmail, password });
    expect(requested.status).toBe(202);
    expect(requested.body).toEqual({
      newEmail: newEmail.toLowerCase(),
      expiresAt: expect.any(String),
    });
    // Nothing changes before the code: the old address still signs in.
    expect((await c.get('/api/users/me')).body.email).toBe(email);
    const methods = await c.get('/api/auth/methods');
    expect(methods.body).toEqual({
      password: true,
      providers: [],
      pendingEmailChange: { newEmail: newEmail.toLowerCase(), expiresAt: expect.any(String) },
    });

    const code = await changeMailTo(newEmail.toLowerCase());
    const confirmed = await c.post('/api/auth/email/change/confirm', { code });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      id: userId,
      email: newEmail.toLowerCase(),
      emailVerified: true,
    });

    // The old address is told, without the full new one.
    const notice = (await waitForMails(email, 2)).find((m) => m.subject.includes('바뀌었습니다'));
    expect(notice).toBeDefined();
    expect(notice!.text).not.toContain(newEmail.toLowerCase());
    // Both sessions go on; sign-in moves to the new address.
    expect((await other.get('/api/users/me')).body.email).toBe(newEmail.toLowerCase());
    expect((await c.get('/api/auth/methods')).body.pendingEmailChange).toBeNull();
    const login = (e: string) =>
      new ApiClient(api.url).post('/api/auth/login', { email: e, password });
    expect((await login(newEmail)).status).toBe(200);
    expectProblem(await login(email), 401, 'AUTH_CREDENTIALS_INVALID');
  });

  it('voids a reset link mailed to the old address before the change', async () => {
    const { c, email, password } = await account();
    // Whoever reads the old inbox asks for a reset link just before the owner moves away.
    expect((await new ApiClient(api.url).post('/api/auth/password/forgot', { email })).status).toBe(
      202,
    );
    const resetMail = (await waitForMails(email, 2)).find((m) =>
      m.text.includes('/reset-password'),
    );
    expect(resetMail).toBeDefined();
    const token = linkTokenOf(resetMail!, '/reset-password');
    const newEmail = uniqueEmail('moved');
    expect((await c.post('/api/auth/email/change', { newEmail, password })).status).toBe(202);
    const code = await changeMailTo(newEmail.toLowerCase());
    expect((await c.post('/api/auth/email/change/confirm', { code })).status).toBe(200);

    const reset = await new ApiClient(api.url).post('/api/auth/password/reset', {
      token,
      newPassword: `Taken-${randomBytes(6).toString('hex')}-Pw!`,
    });
    expectProblem(reset, 400, 'AUTH_RESET_TOKEN_INVALID');
    expect((await c.get('/api/users/me')).status).toBe(200);
  });

  it('asks for the current password and refuses taken, unchanged or malformed addresses', async () => {
    const { c, email, password } = await account();
    const taken = (await account()).email;
    const change = (body: unknown) => c.post('/api/auth/email/change', body);

    expectProblem(
      await change({ newEmail: uniqueEmail('x'), password: 'wrong-pass-1' }),
      400,
      'AUTH_PASSWORD_INCORRECT',
    );
    expectProblem(await change({ newEmail: uniqueEmail('x') }), 400, 'COMMON_VALIDATION_FAILED');
    expectProblem(
      await change({ newEmail: taken.toUpperCase(), password }),
      409,
      'AUTH_EMAIL_TAKEN',
    );
    const same = await change({ newEmail: ` ${email.toUpperCase()} `, password });
    expectProblem(same, 400, 'COMMON_VALIDATION_FAILED');
    expect(same.body.errors).toEqual([
      expect.objectContaining({ field: 'newEmail', code: 'unchanged' }),
    ]);
    for (const newEmail of [
      'not-an-email',
      `${'a'.repeat(250)}@example.com`,
      ['a@example.com'],
      'a\u0000@example.com',
      null,
    ])
      expectProblem(await change({ newEmail, password }), 400, 'COMMON_VALIDATION_FAILED');
    expectProblem(
      await change({ newEmail: uniqueEmail('x'), password, isAdmin: true }),
      400,
      'COMMON_VALIDATION_FAILED',
    );
    expect(await mailsTo(taken)).toHaveLength(1);
    expectProblem(
      await new ApiClient(api.url).post('/api/auth/email/change', { newEmail: uniqueEmail('x') }),
      401,
      'AUTH_UNAUTHENTICATED',
    );
    expectProblem(
      await new ApiClient(api.url).get('/api/auth/methods'),
      401,
      'AUTH_UNAUTHENTICATED',
    );
  });

  it('answers "taken" only five times a day per account, so addresses cannot be probed', async () => {
    const { c, password } = await account();
    const taken = (await account()).email;
    for (let i = 0; i < 5; i++)
      expectProblem(
        await c.post('/api/auth/email/change', { newEmail: taken, password }),
        409,
        'AUTH_EMAIL_TAKEN',
      );
    for (const newEmail of [taken, uniqueEmail('free')])
      expectProblem(
        await c.post('/api/auth/email/change', { newEmail, password }),
        429,
        'COMMON_RATE_LIMITED',
      );
  });

  it('counts wrong codes, locks after five, and never takes another account’s code', async () => {
    const a = await account();
    const b = await account();
    const newEmail = uniqueEmail('locked');
    expect(
      (await a.c.post('/api/auth/email/change', { newEmail, password: a.password })).status,
    ).toBe(202);
    const code = await changeMailTo(newEmail);

    // Someone else cannot use it: they have no change waiting.
    expectProblem(
      await b.c.post('/api/auth/email/change/confirm', { code }),
      400,
      'AUTH_EMAIL_CODE_EXPIRED',
    );
    for (const bad of ['12345', 'abcdef', '1234567', 123456])
      expectProblem(
        await a.c.post('/api/auth/email/change/confirm', { code: bad }),
        400,
        'COMMON_VALIDATION_FAILED',
      );
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      expectProblem(
        await a.c.post('/api/auth/email/change/confirm', { code: wrong }),
        400,
        'AUTH_EMAIL_CODE_INVALID',
      );
    expectProblem(
      await a.c.post('/api/auth/email/change/confirm', { code }),
      400,
      'AUTH_EMAIL_CODE_LOCKED',
    );
    expect((await a.c.get('/api/users/me')).body.email).toBe(a.email);
    expect((await b.c.get('/api/users/me')).body.email).toBe(b.email);
  });

  it('refuses the code once cancelled, and sends one code a minute', async () => {
    const { c, password } = await account();
    const first = uniqueEmail('cancel');
    expect((await c.post('/api/auth/email/change', { newEmail: first, password })).status).toBe(
      202,
    );
    const code = await changeMailTo(first);
    expect((await c.request('DELETE', '/api/auth/email/change')).status).toBe(204);
    expectProblem(
      await c.post('/api/auth/email/change/confirm', { code }),
      400,
      'AUTH_EMAIL_CODE_EXPIRED',
    );
    const again = await c.post('/api/auth/email/change', { newEmail: uniqueEmail('x'), password });
    expectProblem(again, 429, 'COMMON_RATE_LIMITED');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses the code when the address was taken in the meantime', async () => {
    const { c, email, password } = await account();
    const wanted = uniqueEmail('race');
    expect((await c.post('/api/auth/email/change', { newEmail: wanted, password })).status).toBe(
      202,
    );
    const code = await changeMailTo(wanted);
    await new ApiClient(api.url).signup({ email: wanted });
    expectProblem(
      await c.post('/api/auth/email/change/confirm', { code }),
      409,
      'AUTH_EMAIL_TAKEN',
    );
    expect((await c.get('/api/users/me')).body.email).toBe(email);
  });
});
