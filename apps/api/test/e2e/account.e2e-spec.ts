import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/infra/database/data-source';
import { CommitFlushSubscriber } from '../../src/infra/events/commit-flush.subscriber';
import { DomainEventsService } from '../../src/infra/events/domain-events.service';
import { UserEntity } from '../../src/modules/user/entities/user.entity';
import { UserSubscriber } from '../../src/modules/user/subscribers/user.subscriber';
import { UserService } from '../../src/modules/user/user.service';
import { createUser, signIn } from '../factories';
import { insertUser } from '../factories/entities';
import { ApiProcess, startApi } from '../support/api-process';
import { ApiClient, connected, nextEvent } from '../support/client';
import { readState } from '../support/env';
import { expectProblem, expectSignedOutEverywhere } from '../support/expect-problem';
import { linkTokenOf, mailsTo, sleep, smtpUrl, waitForMails } from '../support/mailbox';

let api: ApiProcess;
let db: Client;

beforeAll(async () => {
  api = await startApi({ SMTP_URL: smtpUrl() });
  db = new Client({ connectionString: readState().databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

const client = () => new ApiClient(api.url);
const uniqueEmail = (tag: string) => `${tag}-${randomBytes(6).toString('hex')}@example.com`;
const newPassword = () => `fresh-${randomBytes(6).toString('hex')}`;

async function userRow(id: string) {
  const { rows } = await db.query('SELECT * FROM app_user WHERE id = $1', [id]);
  return rows[0];
}

/** One account signed in twice: `c` (the acting session) and `other`. */
async function twoSessions() {
  const account = await createUser(api, { email: uniqueEmail('acct') });
  const other = await signIn(api, account);
  return { ...account, c: account.api, other };
}

describe('change password', () => {
  it('refuses a wrong current password with a field error and changes nothing', async () => {
    const { c, email, password } = await twoSessions();
    const res = await c.post('/api/auth/password/change', {
      currentPassword: 'not-my-password',
      newPassword: newPassword(),
    });
    expectProblem(res, 400, 'AUTH_PASSWORD_INCORRECT');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'currentPassword', code: 'incorrect' }),
    ]);
    expect((await client().post('/api/auth/login', { email, password })).status).toBe(200);
  });

  it('changes the password, keeps this session and ends the others (their sockets drop)', async () => {
    const { c, other, email, password } = await twoSessions();
    const otherSocket = other.socket('/user');
    const mySocket = c.socket('/user');
    try {
      await Promise.all([connected(otherSocket), connected(mySocket)]);
      const dropped = nextEvent(otherSocket, 'disconnect', 3000);
      const fresh = newPassword();
      const res = await c.post('/api/auth/password/change', {
        currentPassword: password,
        newPassword: fresh,
      });
      expect(res.status).toBe(204);
      expect(await dropped).toBe('io server disconnect');
      expect(mySocket.connected).toBe(true);
      expect((await c.get('/api/users/me')).status).toBe(200);
      expectProblem(await other.get('/api/users/me'), 401, 'AUTH_SESSION_REVOKED');
      expectProblem(
        await client().post('/api/auth/login', { email, password }),
        401,
        'AUTH_CREDENTIALS_INVALID',
      );
      expect((await client().post('/api/auth/login', { email, password: fresh })).status).toBe(200);
    } finally {
      otherSocket.disconnect();
      mySocket.disconnect();
    }
  });

  it('rate-limits wrong current passwords like login failures', async () => {
    const { c, password } = await twoSessions();
    for (let i = 0; i < 5; i++) {
      const res = await c.post('/api/auth/password/change', {
        currentPassword: `wrong-${i}-password`,
        newPassword: newPassword(),
      });
      expectProblem(res, 400, 'AUTH_PASSWORD_INCORRECT');
    }
    const limited = await c.post('/api/auth/password/change', {
      currentPassword: password,
      newPassword: newPassword(),
    });
    expectProblem(limited, 429, 'COMMON_RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it.each([
    ['missing fields', {}, 'COMMON_VALIDATION_FAILED'],
    [
      'a short new password',
      { currentPassword: 'x', newPassword: 'short' },
      'COMMON_VALIDATION_FAILED',
    ],
    [
      'an empty current password',
      { currentPassword: '', newPassword: 'long enough' },
      'COMMON_VALIDATION_FAILED',
    ],
    [
      'an unknown field',
      { currentPassword: 'x', newPassword: 'long enough', userId: 'x' },
      'COMMON_VALIDATION_FAILED',
    ],
  ])('refuses %s with 400', async (_name, body, code) => {
    const { c } = await twoSessions();
    expectProblem(await c.post('/api/auth/password/change', body), 400, code);
  });

  it('refuses a common new password', async () => {
    const { c, password } = await twoSessions();
    const res = await c.post('/api/auth/password/change', {
      currentPassword: password,
      newPassword: 'baseball',
    });
    expectProblem(res, 400, 'AUTH_PASSWORD_TOO_COMMON');
    expect(res.body.errors[0].field).toBe('newPassword');
  });

  it('needs a session', async () => {
    expectProblem(
      await client().post('/api/auth/password/change', {
        currentPassword: 'whatever-it-is',
        newPassword: newPassword(),
      }),
      401,
      'AUTH_UNAUTHENTICATED',
    );
  });

  it('tells a social-only account to set a password through forgot/reset', async () => {
    const { c, email, userId } = await twoSessions();
    await db.query('UPDATE app_user SET password_hash = NULL WHERE id = $1', [userId]);
    expect((await c.get('/api/users/me')).body.hasPassword).toBe(false);
    expectProblem(
      await c.post('/api/auth/password/change', {
        currentPassword: 'anything-at-all',
        newPassword: newPassword(),
      }),
      409,
      'AUTH_PASSWORD_NOT_SET',
    );
    await client().post('/api/auth/password/forgot', { email });
    const mail = (await waitForMails(email, 2)).find((m) => m.subject.includes('비밀번호'))!;
    const fresh = newPassword();
    const token = linkTokenOf(mail, '/reset-password');
    const personal = await client().post('/api/auth/password/reset', {
      token,
      newPassword: `${email.split('@')[0]}-new`,
    });
    expectProblem(personal, 400, 'AUTH_PASSWORD_TOO_PERSONAL');
    expect(
      (await client().post('/api/auth/password/reset', { token, newPassword: fresh })).status,
    ).toBe(204);
    const login = await client().post('/api/auth/login', { email, password: fresh });
    expect(login.body.user.hasPassword).toBe(true);
  });
});

describe('delete account', () => {
  it('needs the password of an account that has one', async () => {
    const { c, userId } = await twoSessions();
    const missing = await c.request('DELETE', '/api/users/me', {
      body: { contentPolicy: 'anonymize' },
    });
    expectProblem(missing, 400, 'COMMON_VALIDATION_FAILED');
    expect(missing.body.errors[0]).toMatchObject({ field: 'password', code: 'isNotEmpty' });
    const wrong = await c.request('DELETE', '/api/users/me', {
      body: { password: 'not-my-password', contentPolicy: 'anonymize' },
    });
    expectProblem(wrong, 400, 'AUTH_PASSWORD_INCORRECT');
    expect((await userRow(userId)).deleted_at).toBeNull();
  });

  it.each([
    ['no content policy', { password: 'whatever-it-is' }],
    ['an unknown content policy', { password: 'whatever-it-is', contentPolicy: 'keep-forever' }],
    ['another user id', { password: 'whatever-it-is', contentPolicy: 'remove', userId: 'x' }],
    ['a number as password', { password: 12345678, contentPolicy: 'remove' }],
  ])('refuses %s with 400', async (_name, body) => {
    const { c, userId } = await twoSessions();
    expectProblem(
      await c.request('DELETE', '/api/users/me', { body }),
      400,
      'COMMON_VALIDATION_FAILED',
    );
    expect((await userRow(userId)).deleted_at).toBeNull();
  });

  it('cannot delete someone else: a token only ever acts on its own account', async () => {
    const victim = await twoSessions();
    const attacker = await twoSessions();
    const res = await attacker.c.request('DELETE', '/api/users/me', {
      body: { password: victim.password, contentPolicy: 'remove' },
    });
    expectProblem(res, 400, 'AUTH_PASSWORD_INCORRECT');
    expect((await userRow(victim.userId)).deleted_at).toBeNull();
    expect((await userRow(attacker.userId)).deleted_at).toBeNull();
    expect((await victim.c.get('/api/users/me')).status).toBe(200);
    expectProblem(
      await client().request('DELETE', '/api/users/me', {
        body: { password: victim.password, contentPolicy: 'remove' },
      }),
      401,
      'AUTH_UNAUTHENTICATED',
    );
  });

  it('scrubs the account, ends every session and socket, and frees the email', async () => {
    const { c, other, email, password, userId, refreshToken } = await twoSessions();
    await db.query(
      `UPDATE app_user SET about = 'hello', links = '[{"label":"gh","url":"https://github.com/x"}]', avatar_key = 'avatars/x.webp' WHERE id = $1`,
      [userId],
    );
    const socket = other.socket('/user');
    try {
      await connected(socket);
      const dropped = nextEvent(socket, 'disconnect', 3000);
      const res = await c.request('DELETE', '/api/users/me', {
        body: { password, contentPolicy: 'remove' },
      });
      expect(res.status).toBe(204);
      expect(await dropped).toBe('io server disconnect');
    } finally {
      socket.disconnect();
    }

    const row = await userRow(userId);
    expect(row).toMatchObject({
      email: `deleted+${userId}@invalid`,
      password_hash: null,
      email_verified_at: null,
      about: '',
      links: [],
      avatar_key: null,
      deletion_content_policy: 'remove',
    });
    expect(row.nickname).toMatch(/^탈퇴한사용자[0-9a-f]{12}$/);
    expect(row.deleted_at).toBeInstanceOf(Date);
    const { rows: live } = await db.query(
      'SELECT id FROM auth_session WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
    expect(live).toEqual([]);

    await expectSignedOutEverywhere([c, other], client(), { refreshToken, email, password });
    // A reset request for the old address answers as usual but mails nothing.
    expect((await client().post('/api/auth/password/forgot', { email })).status).toBe(202);

    const again = client();
    const fresh = await again.signup({ email, password: newPassword() });
    expect(fresh.userId).not.toBe(userId);
    await waitForMails(email, 2);
    await sleep(500);
    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject.includes('이메일 인증'))).toEqual([true, true]);
  });

  it('lets a social-only account leave from a recent sign-in, and asks an older session to sign in again', async () => {
    const { c, other, userId } = await twoSessions();
    await db.query('UPDATE app_user SET password_hash = NULL WHERE id = $1', [userId]);
    const sessions = await c.get('/api/auth/sessions');
    const stale = (sessions.body as { id: string; current: boolean }[]).find((s) => s.current)!;
    // Refreshing keeps a session's sign-in time; only signing in again makes it recent.
    await db.query(`UPDATE auth_session SET created_at = now() - interval '1 hour' WHERE id = $1`, [
      stale.id,
    ]);
    const refused = await c.request('DELETE', '/api/users/me', {
      body: { contentPolicy: 'anonymize' },
    });
    expectProblem(refused, 403, 'AUTH_REAUTH_REQUIRED');
    expect((await userRow(userId)).deleted_at).toBeNull();
    const res = await other.request('DELETE', '/api/users/me', {
      body: { contentPolicy: 'anonymize' },
    });
    expect(res.status).toBe(204);
    expect((await userRow(userId)).deletion_content_policy).toBe('anonymize');
  });

  it('refuses a new password made of the email name on change', async () => {
    const { c, email, password } = await twoSessions();
    const local = email.split('@')[0];
    const changed = await c.post('/api/auth/password/change', {
      currentPassword: password,
      newPassword: `${local}-new`,
    });
    expectProblem(changed, 400, 'AUTH_PASSWORD_TOO_PERSONAL');
    expect(changed.body.errors).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'tooPersonal' }),
    ]);
    expect((await client().post('/api/auth/login', { email, password })).status).toBe(200);
  });
});

/** Medium-size: the real user subscriber on Postgres publishes the deletion only after commit. */
describe('user.account.deleted', () => {
  let ds: DataSource;
  const seen: unknown[] = [];

  beforeAll(async () => {
    ds = createDataSource(readState().databaseUrl, 2);
    await ds.initialize();
    const events = new DomainEventsService();
    new CommitFlushSubscriber(ds, events);
    new UserSubscriber(ds, events);
    events.on('user.account.deleted', (p) => seen.push(p));
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const newUser = () =>
    insertUser(ds, { avatarKey: `avatars/${randomBytes(5).toString('hex')}.webp` });

  it('is released after COMMIT with the policy and the old avatar key', async () => {
    const user = await newUser();
    const users = new UserService(ds.getRepository(UserEntity));
    await ds.transaction(async (tx) => {
      await users.deleteAccount(tx, user.id, 'anonymize');
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([
      { userId: user.id, contentPolicy: 'anonymize', avatarKey: user.avatarKey },
    ]);
  });

  it('is dropped on ROLLBACK', async () => {
    seen.length = 0;
    const user = await newUser();
    const users = new UserService(ds.getRepository(UserEntity));
    await expect(
      ds.transaction(async (tx) => {
        await users.deleteAccount(tx, user.id, 'remove');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen).toEqual([]);
    expect((await userRow(user.id)).deleted_at).toBeNull();
  });
});
