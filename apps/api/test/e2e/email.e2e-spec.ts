import { randomBytes } from 'node:crypto';
import { ApiProcess, freePort, startApi } from '../support/api-process';
import { ApiClient, connected, nextEvent } from '../support/client';
import { expectProblem, expectSignedOutEverywhere } from '../support/expect-problem';
import {
  codeOf,
  latestMail,
  linkTokenOf,
  mailsTo,
  sleep,
  smtpUrl,
  waitForMails,
} from '../support/mailbox';

const COOLDOWN_SEC = 2;
let api: ApiProcess;

beforeAll(async () => {
  api = await startApi({ SMTP_URL: smtpUrl(), EMAIL_RESEND_COOLDOWN_SEC: String(COOLDOWN_SEC) });
});

afterAll(async () => {
  await api?.stop();
});

const client = () => new ApiClient(api.url);
const uniqueEmail = (tag: string) => `${tag}-${randomBytes(6).toString('hex')}@example.com`;
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function signedUp(tag = 'mail') {
  const c = client();
  const account = await c.signup({ email: uniqueEmail(tag) });
  const mail = await latestMail(account.email);
  return { c, ...account, mail };
}

describe('email verification', () => {
  it('mails a 6-digit code and a link on sign-up; the code verifies the account', async () => {
    const { c, email, body, mail } = await signedUp();
    expect(body.user.emailVerified).toBe(false);
    expect(body.user.hasPassword).toBe(true);
    expect(mail.subject).toContain('이메일 인증');
    expect(mail.html).toContain('/verify-email?token=');
    const code = codeOf(mail);
    expect(code).toMatch(/^\d{6}$/);

    const res = await c.post('/api/auth/email/verify', { code });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email, emailVerified: true });
    expect((await c.get('/api/users/me')).body.emailVerified).toBe(true);
    // Idempotent for a verified account; asking for another mail is refused.
    expect((await c.post('/api/auth/email/verify', { code: wrongCode(code) })).status).toBe(200);
    expectProblem(await c.post('/api/auth/email/resend'), 409, 'AUTH_EMAIL_ALREADY_VERIFIED');
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('verifies through the link without a session, once', async () => {
    const { c, mail } = await signedUp('link');
    const token = linkTokenOf(mail, '/verify-email');
    const anonymous = client();
    expect((await anonymous.post('/api/auth/email/verify-link', { token })).status).toBe(204);
    expect((await c.get('/api/users/me')).body.emailVerified).toBe(true);
    expectProblem(
      await anonymous.post('/api/auth/email/verify-link', { token }),
      400,
      'AUTH_EMAIL_LINK_INVALID',
    );
    // The code of the same mail is spent as well.
    expect((await c.post('/api/auth/email/verify', { code: codeOf(mail) })).status).toBe(200);
  });

  it('locks the code after 5 wrong attempts; a resent code works', async () => {
    const { c, email, mail } = await signedUp('lock');
    const code = codeOf(mail);
    for (let left = 4; left >= 0; left--) {
      const res = await c.post('/api/auth/email/verify', { code: wrongCode(code) });
      expectProblem(res, 400, 'AUTH_EMAIL_CODE_INVALID');
      expect(res.body.errors[0]).toMatchObject({ field: 'code', code: 'incorrect' });
      expect(res.body.errors[0].message).toContain(`${left} left`);
    }
    expectProblem(await c.post('/api/auth/email/verify', { code }), 400, 'AUTH_EMAIL_CODE_LOCKED');
    expect((await c.get('/api/users/me')).body.emailVerified).toBe(false);

    await sleep(COOLDOWN_SEC * 1000 + 100);
    const resent = await c.post('/api/auth/email/resend');
    expect(resent.status).toBe(202);
    expect(resent.body).toEqual({ cooldownSec: COOLDOWN_SEC });
    const fresh = codeOf(await latestMail(email, 2));
    expect((await c.post('/api/auth/email/verify', { code: fresh })).status).toBe(200);
  });

  it('throttles resends: one per cooldown, five mails a day per account', async () => {
    const { c, email, mail } = await signedUp('resend');
    const early = await c.post('/api/auth/email/resend');
    expectProblem(early, 429, 'COMMON_RATE_LIMITED');
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(early.headers.get('retry-after'))).toBeLessThanOrEqual(COOLDOWN_SEC);

    for (let n = 2; n <= 5; n++) {
      await sleep(COOLDOWN_SEC * 1000 + 100);
      expect((await c.post('/api/auth/email/resend')).status).toBe(202);
      await waitForMails(email, n);
    }
    await sleep(COOLDOWN_SEC * 1000 + 100);
    const sixth = await c.post('/api/auth/email/resend');
    expectProblem(sixth, 429, 'COMMON_RATE_LIMITED');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(3600);
    await sleep(300);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(5);
    // Each resend replaced the code: the first one no longer verifies.
    expectProblem(
      await c.post('/api/auth/email/verify', { code: codeOf(mail) }),
      400,
      'AUTH_EMAIL_CODE_INVALID',
    );
    expect(
      (await c.post('/api/auth/email/verify', { code: codeOf(mails[mails.length - 1]) })).status,
    ).toBe(200);
  }, 30_000);

  it.each([
    ['missing code', {}],
    ['five digits', { code: '12345' }],
    ['letters', { code: 'abcdef' }],
    ['a number instead of a string', { code: 123456 }],
    ['an unknown field', { code: '123456', userId: 'someone-else' }],
  ])('refuses %s with 400', async (_name, body) => {
    const { c } = await signedUp('bad');
    expectProblem(await c.post('/api/auth/email/verify', body), 400, 'COMMON_VALIDATION_FAILED');
  });

  it('needs a session for code and resend, and a real token for the link', async () => {
    const anonymous = client();
    expectProblem(
      await anonymous.post('/api/auth/email/verify', { code: '123456' }),
      401,
      'AUTH_UNAUTHENTICATED',
    );
    expectProblem(await anonymous.post('/api/auth/email/resend'), 401, 'AUTH_UNAUTHENTICATED');
    expectProblem(
      await anonymous.post('/api/auth/email/verify-link', { token: 'x'.repeat(43) }),
      400,
      'AUTH_EMAIL_LINK_INVALID',
    );
    expectProblem(
      await anonymous.post('/api/auth/email/verify-link', {}),
      400,
      'COMMON_VALIDATION_FAILED',
    );
    expectProblem(
      await anonymous.post('/api/auth/email/verify-link', { token: 'x'.repeat(201) }),
      400,
      'COMMON_VALIDATION_FAILED',
    );
  });
});

describe('email verification expiry', () => {
  let shortLived: ApiProcess;

  beforeAll(async () => {
    shortLived = await startApi({ SMTP_URL: smtpUrl(), EMAIL_CODE_TTL_SEC: '1' });
  });

  afterAll(async () => {
    await shortLived?.stop();
  });

  it('refuses an expired code and an expired link', async () => {
    const c = new ApiClient(shortLived.url);
    const { email } = await c.signup({ email: uniqueEmail('expiry') });
    const mail = await latestMail(email);
    await sleep(1500);
    expectProblem(
      await c.post('/api/auth/email/verify', { code: codeOf(mail) }),
      400,
      'AUTH_EMAIL_CODE_EXPIRED',
    );
    expectProblem(
      await c.post('/api/auth/email/verify-link', { token: linkTokenOf(mail, '/verify-email') }),
      400,
      'AUTH_EMAIL_LINK_INVALID',
    );
    expect((await c.get('/api/users/me')).body.emailVerified).toBe(false);
  });
});

describe('with the mail server down', () => {
  let noMail: ApiProcess;

  beforeAll(async () => {
    const closedPort = await freePort();
    noMail = await startApi({
      SMTP_URL: `smtp://127.0.0.1:${closedPort}`,
      EMAIL_RESEND_COOLDOWN_SEC: '1',
    });
  });

  afterAll(async () => {
    await noMail?.stop();
  });

  it('still signs up (the code can be resent later); a resend reports the fault', async () => {
    const c = new ApiClient(noMail.url);
    const { body, email } = await c.signup({ email: uniqueEmail('down') });
    expect(body.user.emailVerified).toBe(false);
    await sleep(1100);
    expectProblem(await c.post('/api/auth/email/resend'), 500, 'COMMON_INTERNAL');
    // A reset request for a real account answers as always; the failed mail is only logged.
    expect((await c.post('/api/auth/password/forgot', { email })).status).toBe(202);
  });
});

describe('forgot and reset password', () => {
  const generic = { message: 'If an account uses this address, a reset link is on its way.' };

  it('answers an unknown address exactly like a known one and sends nothing', async () => {
    const { email } = await signedUp('known');
    const unknown = uniqueEmail('nobody');
    const a = await client().post('/api/auth/password/forgot', { email: unknown });
    const b = await client().post('/api/auth/password/forgot', { email: email.toUpperCase() });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body).toEqual(generic);
    expect(b.body).toEqual(generic);
    await waitForMails(email, 2);
    await sleep(500);
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it('sends at most two mails per address per hour; the third request looks the same', async () => {
    const { email } = await signedUp('twice');
    for (let i = 0; i < 3; i++) {
      const res = await client().post('/api/auth/password/forgot', { email });
      expect({ status: res.status, body: res.body }).toEqual({ status: 202, body: generic });
    }
    await waitForMails(email, 3); // the sign-up mail and two reset mails
    await sleep(800);
    const resets = (await mailsTo(email)).filter((m) => m.subject.includes('비밀번호'));
    expect(resets).toHaveLength(2);
  });

  it('limits mail-sending requests per IP to five a day', async () => {
    const c = client();
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/auth/password/forgot', { email: uniqueEmail('ip') })).status).toBe(
        202,
      );
    expectProblem(
      await c.post('/api/auth/password/forgot', { email: uniqueEmail('ip') }),
      429,
      'COMMON_RATE_LIMITED',
    );
  });

  it('resets once, verifies the email, ends every session and drops live sockets', async () => {
    const { c, email, password, refreshToken } = await signedUp('reset');
    const other = client();
    other.accessToken = (await other.post('/api/auth/login', { email, password })).body.accessToken;
    const socket = c.socket('/user');
    try {
      await connected(socket);
      await client().post('/api/auth/password/forgot', { email });
      const mail = (await waitForMails(email, 2)).find((m) => m.subject.includes('비밀번호'))!;
      expect(mail.text).toContain('/reset-password?token=');
      const token = linkTokenOf(mail, '/reset-password');

      const dropped = nextEvent(socket, 'disconnect', 3000);
      const newPassword = `fresh-${randomBytes(6).toString('hex')}`;
      const res = await client().post('/api/auth/password/reset', { token, newPassword });
      expect(res.status).toBe(204);
      expect(await dropped).toBe('io server disconnect');

      await expectSignedOutEverywhere([c, other], client(), { refreshToken, email, password });
      const login = await client().post('/api/auth/login', { email, password: newPassword });
      expect(login.status).toBe(200);
      expect(login.body.user.emailVerified).toBe(true);

      expectProblem(
        await client().post('/api/auth/password/reset', { token, newPassword: 'another-fresh-1' }),
        400,
        'AUTH_RESET_TOKEN_INVALID',
      );
    } finally {
      socket.disconnect();
    }
  });

  it.each([
    ['missing fields', {}, 'COMMON_VALIDATION_FAILED'],
    [
      'a short password',
      { token: 'x'.repeat(43), newPassword: 'short' },
      'COMMON_VALIDATION_FAILED',
    ],
    [
      'a password over 256',
      { token: 'x'.repeat(43), newPassword: 'x'.repeat(257) },
      'COMMON_VALIDATION_FAILED',
    ],
    [
      'a common password',
      { token: 'x'.repeat(43), newPassword: 'baseball' },
      'AUTH_PASSWORD_TOO_COMMON',
    ],
    [
      'an unknown token',
      { token: 'x'.repeat(43), newPassword: 'good long pass' },
      'AUTH_RESET_TOKEN_INVALID',
    ],
    [
      'an unknown field',
      { token: 'x'.repeat(43), newPassword: 'good long pass', userId: 'x' },
      'COMMON_VALIDATION_FAILED',
    ],
  ])('refuses a reset with %s', async (_name, body, code) => {
    expectProblem(await client().post('/api/auth/password/reset', body), 400, code);
  });

  it.each([
    ['missing email', {}],
    ['a malformed email', { email: 'not-an-email' }],
    ['an array', { email: ['a@b.co'] }],
  ])('refuses a forgot request with %s', async (_name, body) => {
    expectProblem(
      await client().post('/api/auth/password/forgot', body),
      400,
      'COMMON_VALIDATION_FAILED',
    );
  });
});

describe('dev outbox', () => {
  it('is not served when SMTP is configured', async () => {
    expectProblem(await client().get('/api/dev/outbox'), 404, 'COMMON_NOT_FOUND');
  });

  it('keeps mail in memory without SMTP, and is hidden in production', async () => {
    const dev = await startApi();
    const prod = await startApi({ NODE_ENV: 'production' });
    try {
      const c = new ApiClient(dev.url);
      const { email } = await c.signup({ email: uniqueEmail('outbox') });
      const outbox = await c.get('/api/dev/outbox');
      expect(outbox.status).toBe(200);
      const mail = outbox.body.find((m: { to: string }) => m.to === email);
      expect(mail.subject).toContain('이메일 인증');
      expect(mail.text).toMatch(/인증 코드: \d{6}/);
      expect(await mailsTo(email)).toEqual([]);

      const p = new ApiClient(prod.url);
      await p.signup({ email: uniqueEmail('prod') });
      expectProblem(await p.get('/api/dev/outbox'), 404, 'COMMON_NOT_FOUND');
    } finally {
      await Promise.all([dev.stop(), prod.stop()]);
    }
  });
});
