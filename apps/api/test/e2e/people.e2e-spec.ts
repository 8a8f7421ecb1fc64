import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { ApiClient, HttpResult } from '../support/client';
import { ApiProcess, startApi } from '../support/api-process';
import { dbClient } from '../support/db';
import { createUser } from '../factories';
import { expectNoEmail } from '../support/social';

/** A person of this spec: the signed-up user's client, with its id and email. */
type TestUser = ApiClient & { id: string; email: string };
async function newUser(baseUrl: string, opts: { nickname?: string } = {}): Promise<TestUser> {
  const user = await createUser(baseUrl, opts);
  return Object.assign(user.api, { id: user.userId, email: user.email });
}

let api: ApiProcess;
let db: Client;

jest.setTimeout(60_000);

beforeAll(async () => {
  api = await startApi();
  db = await dbClient();
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

/** A nickname prefix no other test shares, so a directory search sees only this test's users. */
const tag = () => `p${randomBytes(4).toString('hex')}`;
const named = (prefix: string, i: number) => newUser(api.url, { nickname: `${prefix}_${i}` });
const follow = (a: ApiClient, b: TestUser) => a.request('PUT', `/api/users/${b.id}/follow`);
const block = (a: ApiClient, b: TestUser) => a.request('PUT', `/api/users/${b.id}/block`);
const ids = (res: HttpResult) => (res.body.items as { id: string }[]).map((i) => i.id);

function expectProblem(res: { status: number; body: any }, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
}

async function directory(c: ApiClient, q: string, limit = 50): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const params: URLSearchParams = new URLSearchParams({
      q,
      limit: String(limit),
      ...(cursor ? { cursor } : {}),
    });
    const res: HttpResult = await c.get(`/api/users?${params}`);
    expect(res.status).toBe(200);
    expectNoEmail(res.body);
    found.push(...ids(res));
    cursor = res.body.nextCursor;
    if (!cursor) return found;
  }
  throw new Error('directory did not end');
}

describe('people directory', () => {
  it('pages newest members first by nickname part, without repeats, never listing me', async () => {
    const prefix = tag();
    const people: TestUser[] = [];
    for (let i = 0; i < 5; i++) people.push(await named(prefix, i));
    const me = people[0];

    const walked = await directory(me, prefix.toUpperCase(), 2);
    expect(walked).toEqual(
      people
        .slice(1)
        .reverse()
        .map((p) => p.id),
    );
    const first = await me.get(`/api/users?${new URLSearchParams({ q: prefix, limit: '2' })}`);
    expect(first.body.items[0]).toMatchObject({
      id: people[4].id,
      nickname: `${prefix}_4`,
      avatarUrl: null,
      viewer: { isSelf: false, isFollowing: false, followsMe: false, isBlocked: false },
    });
  });

  it('never lists someone I blocked or who blocked me, either way', async () => {
    const prefix = tag();
    const [me, blockedByMe, blocksMe, other] = await Promise.all(
      [0, 1, 2, 3].map((i) => named(prefix, i)),
    );
    expect((await block(me, blockedByMe)).status).toBe(204);
    expect((await block(blocksMe, me)).status).toBe(204);

    expect((await directory(me, prefix)).sort()).toEqual([other.id].sort());
    expect(await directory(blockedByMe, prefix)).not.toContain(me.id);
    expect(await directory(blocksMe, prefix)).not.toContain(me.id);
    expect(await directory(other, prefix)).toEqual(
      expect.arrayContaining([me.id, blockedByMe.id, blocksMe.id]),
    );
  });

  it('leaves deleted accounts out and shows my follow state', async () => {
    const prefix = tag();
    const [me, followed, gone] = await Promise.all([0, 1, 2].map((i) => named(prefix, i)));
    expect((await follow(me, followed)).status).toBe(204);
    await db.query('UPDATE app_user SET deleted_at = now() WHERE id = $1', [gone.id]);
    const res = await me.get(`/api/users?q=${prefix}`);
    expect(ids(res)).toEqual([followed.id]);
    expect(res.body.items[0].viewer).toMatchObject({ isFollowing: true, followsMe: false });
  });

  it('searches `%` and `_` literally', async () => {
    const prefix = tag();
    const [me, literal] = await Promise.all([named(prefix, 0), named(`${prefix}_x`, 1)]);
    // `_` would match any one character; `%` everything.
    expect(await directory(me, `${prefix}__x`)).toEqual([]);
    expect(await directory(me, `${prefix}_x_`)).toEqual([literal.id]);
    expect(await directory(me, '%')).toEqual([]);
  });

  it('answers hostile or malformed queries with 400 and anonymous callers with 401', async () => {
    const me = await newUser(api.url);
    for (const query of [
      'limit=0',
      'limit=51',
      'limit=abc',
      'cursor=not*a*cursor',
      `cursor=${Buffer.from("1' OR 1=1|x").toString('base64url')}`,
      `q=${'x'.repeat(21)}`,
      'q=%00',
      'q[]=a&q[]=b',
    ]) {
      expectProblem(await me.get(`/api/users?${query}`), 400, 'COMMON_VALIDATION_FAILED');
    }
    expectProblem(await new ApiClient(api.url).get('/api/users'), 401, 'AUTH_UNAUTHENTICATED');
  });
});

describe('suggestions', () => {
  it('puts people followed by those I follow first, never me, my follows or blocks', async () => {
    const prefix = tag();
    const [me, friend, friendOfFriend, popular, blocked, blocker] = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) => named(prefix, i)),
    );
    const friend2 = await named(prefix, 6);
    for (const [a, b] of [
      [me, friend],
      [me, friend2],
      [friend, friendOfFriend],
      [friend, popular],
      [friend2, popular],
      [friend, blocked],
      [friend, blocker],
    ] as const)
      expect((await follow(a, b)).status).toBe(204);
    expect((await block(me, blocked)).status).toBe(204);
    expect((await block(blocker, me)).status).toBe(204);

    const res = await me.get('/api/users/suggestions?limit=20');
    expect(res.status).toBe(200);
    expectNoEmail(res.body);
    const items = res.body.items as { id: string; reason: string; followedByCount: number }[];
    expect(items.slice(0, 2)).toEqual([
      expect.objectContaining({
        id: popular.id,
        reason: 'followedByFollowing',
        followedByCount: 2,
      }),
      expect.objectContaining({
        id: friendOfFriend.id,
        reason: 'followedByFollowing',
        followedByCount: 1,
      }),
    ]);
    const suggested = items.map((i) => i.id);
    for (const hidden of [me, friend, friend2, blocked, blocker])
      expect(suggested).not.toContain(hidden.id);
  });

  it('offers the recently active to a newcomer who follows no one yet', async () => {
    const [active, newcomer] = await Promise.all([newUser(api.url), newUser(api.url)]);
    await db.query(`UPDATE app_user SET last_active_at = now() + interval '1 hour' WHERE id = $1`, [
      active.id,
    ]);
    const res = await newcomer.get('/api/users/suggestions');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ id: active.id, reason: 'recentlyActive' });
    expect(res.body.items.length).toBeLessThanOrEqual(6);
    await db.query('UPDATE app_user SET last_active_at = now() WHERE id = $1', [active.id]);
  });

  it('answers a bad limit with 400 and anonymous callers with 401', async () => {
    const me = await newUser(api.url);
    for (const limit of ['0', '21', 'x', '1e3'])
      expectProblem(
        await me.get(`/api/users/suggestions?limit=${limit}`),
        400,
        'COMMON_VALIDATION_FAILED',
      );
    expectProblem(
      await new ApiClient(api.url).get('/api/users/suggestions'),
      401,
      'AUTH_UNAUTHENTICATED',
    );
  });
});
