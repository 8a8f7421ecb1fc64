import type { Client } from 'pg';
import { ApiClient } from '../support/client';
import { ApiProcess, startApi } from '../support/api-process';
import { dbClient } from '../support/db';
import { createUser } from '../factories';
import { expectNoEmail } from '../support/social';

let api: ApiProcess;
let db: Client;

// The e2e project's testTimeout is not applied per project by jest; starting APIs can be slow.
jest.setTimeout(60_000);

beforeAll(async () => {
  api = await startApi();
  db = await dbClient();
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

const user = (overrides: { nickname?: string } = {}) => createUser(api.url, overrides);
const patchMe = (c: ApiClient, body: unknown) => c.request('PATCH', '/api/users/me', { body });
const unique = (base: string) => `${base}${Math.random().toString(36).slice(2, 8)}`;

function expectProblem(res: { status: number; body: any }, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
}

describe('my profile', () => {
  it('starts empty and is returned with the email only to me', async () => {
    const me = await user();
    const res = await me.api.get('/api/users/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: me.userId,
      email: me.email,
      nickname: expect.any(String),
      about: '',
      links: [],
      avatarUrl: null,
      emailVerified: false,
      hasPassword: true,
      createdAt: expect.any(String),
    });
  });

  it('edits nickname (trimmed, Korean), about and links and returns MeDto', async () => {
    const me = await user();
    const nickname = unique('코딩');
    const res = await patchMe(me.api, {
      nickname: `  ${nickname}  `,
      about: '백엔드를 배우는 중입니다.\n반갑습니다!',
      links: [
        { label: 'GitHub', url: 'https://github.com/orgo' },
        { label: ' 블로그 ', url: 'http://blog.example.kr/글' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: me.userId,
      email: me.email,
      nickname,
      about: '백엔드를 배우는 중입니다.\n반갑습니다!',
      links: [
        { label: 'GitHub', url: 'https://github.com/orgo' },
        { label: '블로그', url: 'http://blog.example.kr/글' },
      ],
    });
    expect((await me.api.get('/api/users/me')).body).toEqual(res.body);
  });

  it('keeps fields that are left out and accepts an empty patch', async () => {
    const me = await user();
    await patchMe(me.api, { about: 'hello', links: [{ label: 'a', url: 'https://a.example' }] });
    const res = await patchMe(me.api, { about: 'changed' });
    expect(res.body.links).toEqual([{ label: 'a', url: 'https://a.example' }]);
    expect(res.body.about).toBe('changed');
    const empty = await patchMe(me.api, {});
    expect(empty.status).toBe(200);
    expect(empty.body.about).toBe('changed');
    expect((await patchMe(me.api, { links: [] })).body.links).toEqual([]);
  });

  it('refuses a nickname someone else holds with 409, and keeping my own is fine', async () => {
    const taken = unique('taken');
    await user({ nickname: taken });
    const me = await user();
    expectProblem(await patchMe(me.api, { nickname: taken }), 409, 'USER_NICKNAME_TAKEN');
    const mine = (await me.api.get('/api/users/me')).body.nickname;
    expect((await patchMe(me.api, { nickname: mine })).status).toBe(200);
  });

  it('gives a contested nickname to exactly one of two concurrent requests', async () => {
    const [a, b] = await Promise.all([user(), user()]);
    const nickname = unique('race');
    const results = await Promise.all([patchMe(a.api, { nickname }), patchMe(b.api, { nickname })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('USER_NICKNAME_TAKEN');
    const { rows } = await db.query('SELECT count(*)::int AS n FROM app_user WHERE nickname = $1', [
      nickname,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it.each([
    ['a one-character nickname', { nickname: '가' }],
    ['a 21-character nickname', { nickname: '가'.repeat(21) }],
    ['a blank nickname', { nickname: '    ' }],
    ['markup in the nickname', { nickname: '<script>' }],
    ['a control character in the nickname', { nickname: 'ab\u0000cd' }],
    ['a zero-width space in the nickname', { nickname: 'ab\u200bcd' }],
    ['a non-string nickname', { nickname: 42 }],
    ['about over 500 characters', { about: 'x'.repeat(501) }],
    [
      'six links',
      {
        links: Array.from({ length: 6 }, (_, i) => ({ label: `l${i}`, url: 'https://a.example' })),
      },
    ],
    ['a javascript: link', { links: [{ label: 'x', url: 'javascript:alert(1)' }] }],
    ['a data: link', { links: [{ label: 'x', url: 'data:text/html,<b>hi</b>' }] }],
    ['an ftp link', { links: [{ label: 'x', url: 'ftp://files.example' }] }],
    ['a link without a scheme', { links: [{ label: 'x', url: 'example.com' }] }],
    ['a link label over 30', { links: [{ label: 'x'.repeat(31), url: 'https://a.example' }] }],
    ['an empty link label', { links: [{ label: ' ', url: 'https://a.example' }] }],
    [
      'a link url over 300',
      { links: [{ label: 'x', url: `https://a.example/${'p'.repeat(290)}` }] },
    ],
    ['an unknown link field', { links: [{ label: 'x', url: 'https://a.example', id: 1 }] }],
    ['links that are not a list', { links: 'https://a.example' }],
    ['an email change', { email: 'new@example.com' }],
    ['an id change', { id: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses %s with 400 COMMON_VALIDATION_FAILED and changes nothing', async (_name, body) => {
    const me = await user();
    const before = (await me.api.get('/api/users/me')).body;
    const res = await patchMe(me.api, body);
    expectProblem(res, 400, 'COMMON_VALIDATION_FAILED');
    expect(res.body.errors?.length).toBeGreaterThan(0);
    expect((await me.api.get('/api/users/me')).body).toEqual(before);
  });

  it('needs a signed-in user, and nobody can edit someone else’s profile', async () => {
    const victim = await user();
    const before = (await victim.api.get('/api/users/me')).body;
    const anon = new ApiClient(api.url);
    expectProblem(await patchMe(anon, { about: 'x' }), 401, 'AUTH_UNAUTHENTICATED');

    const attacker = await user();
    const direct = await attacker.api.request('PATCH', `/api/users/${victim.userId}`, {
      body: { about: 'pwned' },
    });
    expect(direct.status).toBe(404);
    const viaMe = await patchMe(attacker.api, { id: victim.userId, about: 'pwned' });
    expect(viaMe.status).toBe(400);
    expect((await victim.api.get('/api/users/me')).body).toEqual(before);
  });
});

describe('public profile', () => {
  it('shows profile, counts and viewer state without the email, to anyone', async () => {
    const [owner, fan, other] = await Promise.all([user(), user(), user()]);
    await patchMe(owner.api, {
      about: '소개',
      links: [{ label: 'Blog', url: 'https://b.example' }],
    });
    expect((await fan.api.request('PUT', `/api/users/${owner.userId}/follow`)).status).toBe(204);
    expect((await owner.api.request('PUT', `/api/users/${fan.userId}/follow`)).status).toBe(204);
    expect((await owner.api.request('PUT', `/api/users/${other.userId}/follow`)).status).toBe(204);

    const asFan = await fan.api.get(`/api/users/${owner.userId}`);
    expect(asFan.status).toBe(200);
    expect(asFan.body).toEqual({
      id: owner.userId,
      nickname: expect.any(String),
      avatarUrl: null,
      about: '소개',
      links: [{ label: 'Blog', url: 'https://b.example' }],
      createdAt: expect.any(String),
      counts: { followers: 1, following: 2 },
      viewer: {
        isSelf: false,
        isFollowing: true,
        followsMe: true,
        isBlocked: false,
        isMuted: false,
      },
      presence: { online: false, lastActiveAt: null },
    });

    const asOther = await other.api.get(`/api/users/${owner.userId}`);
    expect(asOther.body.viewer).toEqual({
      isSelf: false,
      isFollowing: false,
      followsMe: true,
      isBlocked: false,
      isMuted: false,
    });
    expect(asOther.body.presence).toBeNull();

    const anonymous = await new ApiClient(api.url).get(`/api/users/${owner.userId}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.viewer).toEqual({
      isSelf: false,
      isFollowing: false,
      followsMe: false,
      isBlocked: false,
      isMuted: false,
    });
    expect(anonymous.body.presence).toBeNull();

    const self = await owner.api.get(`/api/users/${owner.userId}`);
    expect(self.body.viewer.isSelf).toBe(true);
    expect(self.body.presence).toEqual({ online: false, lastActiveAt: null });

    for (const res of [asFan, asOther, anonymous, self])
      expectNoEmail(res.body, owner.email, fan.email, other.email);
  });

  it('answers 404 for an unknown or deleted user, 400 for a malformed id', async () => {
    const [viewer, gone] = await Promise.all([user(), user()]);
    expectProblem(
      await viewer.api.get('/api/users/00000000-0000-4000-8000-000000000000'),
      404,
      'COMMON_NOT_FOUND',
    );
    expectProblem(await viewer.api.get('/api/users/not-a-uuid'), 400, 'COMMON_VALIDATION_FAILED');
    await db.query('UPDATE app_user SET deleted_at = now() WHERE id = $1', [gone.userId]);
    expectProblem(await viewer.api.get(`/api/users/${gone.userId}`), 404, 'COMMON_NOT_FOUND');
    expectProblem(
      await new ApiClient(api.url).get(`/api/users/${gone.userId}`),
      404,
      'COMMON_NOT_FOUND',
    );
  });

  it('answers 404 across a block, whoever blocked whom, exactly like a missing user', async () => {
    const [blocker, blocked] = await Promise.all([user(), user()]);
    expect((await blocker.api.request('PUT', `/api/users/${blocked.userId}/block`)).status).toBe(
      204,
    );
    const missing = await blocked.api.get('/api/users/00000000-0000-4000-8000-000000000000');
    for (const res of [
      await blocked.api.get(`/api/users/${blocker.userId}`),
      await blocker.api.get(`/api/users/${blocked.userId}`),
    ]) {
      expectProblem(res, 404, 'COMMON_NOT_FOUND');
      expect(res.body.message).toBe(missing.body.message);
    }
    expect((await new ApiClient(api.url).get(`/api/users/${blocker.userId}`)).status).toBe(200);
  });

  it('refuses a forged or expired token instead of treating it as anonymous', async () => {
    const owner = await user();
    const res = await new ApiClient(api.url).get(`/api/users/${owner.userId}`, {
      authorization: 'Bearer not.a.token',
    });
    expectProblem(res, 401, 'AUTH_TOKEN_INVALID');
  });

  it('shows my edits to others immediately', async () => {
    const [me, other] = await Promise.all([user(), user()]);
    const nickname = unique('새이름');
    await patchMe(me.api, { nickname, about: 'updated' });
    const res = await other.api.get(`/api/users/${me.userId}`);
    expect(res.body).toMatchObject({ nickname, about: 'updated' });
    expectNoEmail(res.body, me.email, other.email);
  });
});
