import type { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/infra/database/data-source';
import { CommitFlushSubscriber } from '../../src/infra/events/commit-flush.subscriber';
import { DomainEventsService } from '../../src/infra/events/domain-events.service';
import { UserFollowEntity } from '../../src/modules/user/entities/user-follow.entity';
import { UserListsRepository } from '../../src/modules/user/repositories/user-lists.repository';
import { SocialService } from '../../src/modules/user/social.service';
import { SocialGraphSubscriber } from '../../src/modules/user/subscribers/social-graph.subscriber';
import { ApiClient, connected, HttpResult } from '../support/client';
import { ApiProcess, startApi } from '../support/api-process';
import { readState } from '../support/env';
import { dbClient } from '../support/db';
import { createUser, TestUser } from '../factories';
import { expectNoEmail } from '../support/social';

let api: ApiProcess;
let db: Client;
const sockets: Socket[] = [];

// The e2e project's testTimeout is not applied per project by jest; starting APIs can be slow.
jest.setTimeout(60_000);

beforeAll(async () => {
  api = await startApi();
  db = await dbClient();
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

afterAll(async () => {
  await db?.end();
  await api?.stop();
});

const user = () => createUser(api.url);
const users = (n: number) => Promise.all(Array.from({ length: n }, () => user()));
const put = (c: ApiClient, path: string, body?: unknown) => c.request('PUT', path, { body });
const del = (c: ApiClient, path: string, body?: unknown) => c.request('DELETE', path, { body });
const follow = (a: ApiClient, b: TestUser) => put(a, `/api/users/${b.userId}/follow`);
const unfollow = (a: ApiClient, b: TestUser) => del(a, `/api/users/${b.userId}/follow`);
const block = (a: ApiClient, b: TestUser) => put(a, `/api/users/${b.userId}/block`);
const MISSING = '00000000-0000-4000-8000-000000000000';

function expectProblem(res: { status: number; body: any }, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
}

async function edgeCount(table: string, a: string, b: string, cols: [string, string]) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${cols[0]} = $1 AND ${cols[1]} = $2`,
    [a, b],
  );
  return rows[0].n as number;
}
const follows = (a: TestUser, b: TestUser) =>
  edgeCount('user_follow', a.userId, b.userId, ['follower_id', 'followee_id']);

/** Every page of a list, following nextCursor, with a hook between pages. */
async function walk(
  c: ApiClient,
  path: string,
  limit: number,
  between: (page: number) => Promise<void> = async () => {},
) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const q: URLSearchParams = new URLSearchParams({
      limit: String(limit),
      ...(cursor ? { cursor } : {}),
    });
    const res: HttpResult = await c.get(`${path}?${q}`);
    expect(res.status).toBe(200);
    expectNoEmail(res.body);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    cursor = res.body.nextCursor;
    if (!cursor) return ids;
    await between(page);
  }
  throw new Error('list did not end');
}

describe('follow', () => {
  it('follows and unfollows, idempotently, with counts and viewer state', async () => {
    const [a, b] = await users(2);
    expect((await follow(a.api, b)).status).toBe(204);
    expect((await follow(a.api, b)).status).toBe(204);
    expect(await follows(a, b)).toBe(1);

    const profile = await a.api.get(`/api/users/${b.userId}`);
    expect(profile.body.counts).toEqual({ followers: 1, following: 0 });
    expect(profile.body.viewer).toMatchObject({ isFollowing: true, followsMe: false });
    const reverse = await b.api.get(`/api/users/${a.userId}`);
    expect(reverse.body.viewer).toMatchObject({ isFollowing: false, followsMe: true });
    expect(reverse.body.counts).toEqual({ followers: 0, following: 1 });

    expect((await unfollow(a.api, b)).status).toBe(204);
    expect((await unfollow(a.api, b)).status).toBe(204);
    expect(await follows(a, b)).toBe(0);
    expect((await a.api.get(`/api/users/${b.userId}`)).body.counts.followers).toBe(0);
  });

  it('refuses to follow oneself with 400 USER_FOLLOW_SELF', async () => {
    const a = await user();
    expectProblem(await follow(a.api, a), 400, 'USER_FOLLOW_SELF');
    expectProblem(await unfollow(a.api, a), 400, 'USER_FOLLOW_SELF');
    expect(await follows(a, a)).toBe(0);
  });

  it('answers 404 for an unknown or deleted user, 400 for a bad id, 401 anonymously', async () => {
    const [a, gone] = await users(2);
    expectProblem(await put(a.api, `/api/users/${MISSING}/follow`), 404, 'COMMON_NOT_FOUND');
    expectProblem(await del(a.api, `/api/users/${MISSING}/follow`), 404, 'COMMON_NOT_FOUND');
    expectProblem(await put(a.api, '/api/users/me/follow'), 400, 'COMMON_VALIDATION_FAILED');
    expectProblem(await put(a.api, '/api/users/1 OR 1=1/follow'), 400, 'COMMON_VALIDATION_FAILED');
    await db.query('UPDATE app_user SET deleted_at = now() WHERE id = $1', [gone.userId]);
    expectProblem(await follow(a.api, gone), 404, 'COMMON_NOT_FOUND');
    const anon = new ApiClient(api.url);
    expectProblem(await follow(anon, a), 401, 'AUTH_UNAUTHENTICATED');
    expectProblem(await unfollow(anon, a), 401, 'AUTH_UNAUTHENTICATED');
  });

  it('only ever touches my own edge: no way to act on someone else’s behalf', async () => {
    const [me, target, other] = await users(3);
    expect((await follow(other.api, target)).status).toBe(204);
    expect((await follow(me.api, other)).status).toBe(204);

    // Unfollowing someone I do not follow, or naming another follower, leaves their edges alone.
    expect((await unfollow(me.api, target)).status).toBe(204);
    expect(
      (await del(me.api, `/api/users/${target.userId}/follow`, { followerId: other.userId }))
        .status,
    ).toBe(204);
    expect(await follows(other, target)).toBe(1);

    // A follower id in the body is not a way to follow for someone else.
    expect(
      (await put(me.api, `/api/users/${target.userId}/follow`, { followerId: other.userId }))
        .status,
    ).toBe(204);
    expect(await follows(me, target)).toBe(1);
    expect(await follows(other, target)).toBe(1);

    // My unfollow removes exactly my edge.
    expect((await unfollow(me.api, target)).status).toBe(204);
    expect(await follows(me, target)).toBe(0);
    expect(await follows(other, target)).toBe(1);
    expect(await follows(me, other)).toBe(1);
  });

  it('keeps one edge and announces it once under concurrent follow requests', async () => {
    const [a, b] = await users(2);
    // b follows a first, so a's follow makes them mutual followers, who see each other's presence.
    expect((await follow(b.api, a)).status).toBe(204);
    const socket = a.api.socket('/user');
    sockets.push(socket);
    await connected(socket);
    const announced: string[] = [];
    socket.on('presence.updated', (p: { userId: string }) => announced.push(p.userId));

    const results = await Promise.all(Array.from({ length: 12 }, () => follow(a.api, b)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(204));
    expect(await follows(a, b)).toBe(1);
    // The follow event (one per created edge) makes the gateway send the new follower b's presence.
    await new Promise((r) => setTimeout(r, 500));
    expect(announced).toEqual([b.userId]);
  });
});

describe('followers and following lists', () => {
  it('lists with viewer state, newest first, to anonymous visitors too, never with emails', async () => {
    const [owner, f1, f2, viewer] = await users(4);
    await follow(f1.api, owner);
    await follow(f2.api, owner);
    await follow(viewer.api, f2);
    await follow(f1.api, viewer);
    await follow(owner.api, f1);

    const res = await viewer.api.get(`/api/users/${owner.userId}/followers`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toEqual([
      {
        id: f2.userId,
        nickname: expect.any(String),
        avatarUrl: null,
        viewer: {
          isSelf: false,
          isFollowing: true,
          followsMe: false,
          isBlocked: false,
          isMuted: false,
        },
      },
      {
        id: f1.userId,
        nickname: expect.any(String),
        avatarUrl: null,
        viewer: {
          isSelf: false,
          isFollowing: false,
          followsMe: true,
          isBlocked: false,
          isMuted: false,
        },
      },
    ]);
    expectNoEmail(res.body, owner.email, f1.email, f2.email, viewer.email);

    const following = await new ApiClient(api.url).get(`/api/users/${owner.userId}/following`);
    expect(following.status).toBe(200);
    expect(following.body.items.map((i: { id: string }) => i.id)).toEqual([f1.userId]);
    expect(following.body.items[0].viewer).toEqual({
      isSelf: false,
      isFollowing: false,
      followsMe: false,
      isBlocked: false,
      isMuted: false,
    });

    const mine = await f1.api.get(`/api/users/${owner.userId}/followers`);
    expect(mine.body.items.find((i: { id: string }) => i.id === f1.userId).viewer.isSelf).toBe(
      true,
    );
  });

  it('pages by cursor without skips or repeats while edges are added and removed', async () => {
    const owner = await user();
    const fans = await users(25);
    for (const f of fans) expect((await follow(f.api, owner)).status).toBe(204);
    const newestFirst = [...fans].reverse().map((f) => f.userId);
    const latecomers = await users(3);
    const leaverAhead = fans[2]; // near the end of the list: not yet seen when it leaves
    const leaverSeen = fans[24]; // first on page one: already seen when it leaves

    const seen = await walk(owner.api, `/api/users/${owner.userId}/followers`, 10, async (page) => {
      if (page !== 0) return;
      for (const l of latecomers) await follow(l.api, owner);
      await unfollow(leaverAhead.api, owner);
      await unfollow(leaverSeen.api, owner);
    });

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(newestFirst.filter((id) => id !== leaverAhead.userId));
    for (const l of latecomers) expect(seen).not.toContain(l.userId);

    // A fresh walk sees the list as it is now.
    const now = await walk(owner.api, `/api/users/${owner.userId}/followers`, 7);
    expect(now).toEqual([
      ...[...latecomers].reverse().map((l) => l.userId),
      ...newestFirst.filter((id) => id !== leaverAhead.userId && id !== leaverSeen.userId),
    ]);
  });

  it('defaults to 20 per page, caps at 100 and refuses bad paging input', async () => {
    const owner = await user();
    const fans = await users(21);
    for (const f of fans) await follow(f.api, owner);
    const first = await owner.api.get(`/api/users/${owner.userId}/followers`);
    expect(first.body.items).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await owner.api.get(
      `/api/users/${owner.userId}/followers?cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    expect((await owner.api.get(`/api/users/${owner.userId}/followers?limit=100`)).status).toBe(
      200,
    );

    for (const q of ['limit=101', 'limit=0', 'limit=-1', 'limit=abc', 'cursor=garbage', 'x=1']) {
      expectProblem(
        await owner.api.get(`/api/users/${owner.userId}/followers?${q}`),
        400,
        'COMMON_VALIDATION_FAILED',
      );
    }
    const forged = Buffer.from(`2026-01-01T00:00:00.000000Z|' OR 1=1 --`).toString('base64url');
    expectProblem(
      await owner.api.get(`/api/users/${owner.userId}/following?cursor=${forged}`),
      400,
      'COMMON_VALIDATION_FAILED',
    );
  });

  it.each([
    ['followers', 'followee_id', 'follower_id', 'ix_user_follow_followee_created'],
    ['following', 'follower_id', 'followee_id', 'ix_user_follow_follower_created'],
  ])(
    'walks %s by its own index, in order, without sorting',
    async (_list, anchor, other, index) => {
      // With a handful of rows other plans are cheaper; forbid them to see what the index offers.
      await db.query('BEGIN');
      await db.query('SET LOCAL enable_seqscan = off');
      await db.query('SET LOCAL enable_bitmapscan = off');
      try {
        const { rows } = await db.query(
          `EXPLAIN SELECT e.${other} FROM user_follow e
          WHERE e.${anchor} = $1 AND (e.created_at, e.${other}) < (now(), $1::uuid)
          ORDER BY e.created_at DESC, e.${other} DESC LIMIT 21`,
          [MISSING],
        );
        const text = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
        expect(text).toContain(index);
        expect(text).not.toMatch(/\bSort\b/);
      } finally {
        await db.query('ROLLBACK');
      }
    },
  );

  it('answers 404 for an unknown or deleted user', async () => {
    const [viewer, gone] = await users(2);
    expectProblem(await viewer.api.get(`/api/users/${MISSING}/followers`), 404, 'COMMON_NOT_FOUND');
    await db.query('UPDATE app_user SET deleted_at = now() WHERE id = $1', [gone.userId]);
    expectProblem(
      await viewer.api.get(`/api/users/${gone.userId}/following`),
      404,
      'COMMON_NOT_FOUND',
    );
  });

  it('leaves deleted users out of lists and counts', async () => {
    const [owner, stays, leaves] = await users(3);
    await follow(stays.api, owner);
    await follow(leaves.api, owner);
    await db.query('UPDATE app_user SET deleted_at = now() WHERE id = $1', [leaves.userId]);
    const res = await owner.api.get(`/api/users/${owner.userId}/followers`);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([stays.userId]);
    expect((await owner.api.get(`/api/users/${owner.userId}`)).body.counts.followers).toBe(1);
  });
});

describe('block', () => {
  it('ends follows both ways and hides the two from each other, both ways', async () => {
    const [a, b, c] = await users(3);
    await follow(a.api, b);
    await follow(b.api, a);
    await follow(c.api, a);
    await follow(c.api, b);
    expect((await block(a.api, b)).status).toBe(204);
    expect((await block(a.api, b)).status).toBe(204);
    expect(await follows(a, b)).toBe(0);
    expect(await follows(b, a)).toBe(0);
    expect(await follows(c, a)).toBe(1);

    for (const [viewer, other] of [
      [a, b],
      [b, a],
    ] as const) {
      expectProblem(await viewer.api.get(`/api/users/${other.userId}`), 404, 'COMMON_NOT_FOUND');
      for (const list of ['followers', 'following'])
        expectProblem(
          await viewer.api.get(`/api/users/${other.userId}/${list}`),
          404,
          'COMMON_NOT_FOUND',
        );
    }
    // In a third user's lists, each is left out for the other.
    const cFollowing = `/api/users/${c.userId}/following`;
    const ids = async (viewer: ApiClient) =>
      (await viewer.get(cFollowing)).body.items.map((i: { id: string }) => i.id);
    expect(await ids(a.api)).toEqual([a.userId]);
    expect(await ids(b.api)).toEqual([b.userId]);
    expect((await ids(c.api)).sort()).toEqual([a.userId, b.userId].sort());

    // Neither can follow the other; the blocked side cannot tell a block from a missing user.
    expectProblem(await follow(b.api, a), 404, 'COMMON_NOT_FOUND');
    expectProblem(await follow(a.api, b), 403, 'USER_FOLLOW_BLOCKED');
    expect(await follows(a, b)).toBe(0);
    expect(await follows(b, a)).toBe(0);
  });

  it('lists my blocks (paginated) and lets me unblock, without restoring follows', async () => {
    const [me, x, y] = await users(3);
    await follow(me.api, x);
    await block(me.api, x);
    await block(me.api, y);
    const page1 = await me.api.get('/api/users/me/blocks?limit=1');
    expect(page1.status).toBe(200);
    expect(page1.body.items).toEqual([
      {
        id: y.userId,
        nickname: expect.any(String),
        avatarUrl: null,
        viewer: {
          isSelf: false,
          isFollowing: false,
          followsMe: false,
          isBlocked: true,
          isMuted: false,
        },
      },
    ]);
    const page2 = await me.api.get(
      `/api/users/me/blocks?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
    );
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([x.userId]);
    expect(page2.body.nextCursor).toBeNull();
    expectNoEmail([page1.body, page2.body], me.email, x.email, y.email);
    expect((await x.api.get('/api/users/me/blocks')).body.items).toEqual([]);

    expect((await del(me.api, `/api/users/${x.userId}/block`)).status).toBe(204);
    expect((await del(me.api, `/api/users/${x.userId}/block`)).status).toBe(204);
    expect((await me.api.get(`/api/users/${x.userId}`)).status).toBe(200);
    expect((await x.api.get(`/api/users/${me.userId}`)).status).toBe(200);
    expect(await follows(me, x)).toBe(0);
    expect((await follow(me.api, x)).status).toBe(204);
  });

  it('keeps the other side’s block when I unblock, and I may block back', async () => {
    const [a, b] = await users(2);
    await block(a.api, b);
    expect((await block(b.api, a)).status).toBe(204);
    expect((await del(a.api, `/api/users/${b.userId}/block`)).status).toBe(204);
    expectProblem(await a.api.get(`/api/users/${b.userId}`), 404, 'COMMON_NOT_FOUND');
    expectProblem(await follow(a.api, b), 404, 'COMMON_NOT_FOUND');
  });

  it('refuses self, unknown ids and anonymous callers', async () => {
    const a = await user();
    expectProblem(await block(a.api, a), 400, 'USER_BLOCK_SELF');
    expectProblem(await del(a.api, `/api/users/${a.userId}/block`), 400, 'USER_BLOCK_SELF');
    expectProblem(await put(a.api, `/api/users/${MISSING}/block`), 404, 'COMMON_NOT_FOUND');
    expectProblem(await block(new ApiClient(api.url), a), 401, 'AUTH_UNAUTHENTICATED');
    expectProblem(
      await new ApiClient(api.url).get('/api/users/me/blocks'),
      401,
      'AUTH_UNAUTHENTICATED',
    );
  });

  it('never leaves a follow beside a block when both race', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await users(2);
      await Promise.all([follow(b.api, a), block(a.api, b), follow(b.api, a), follow(a.api, b)]);
      expect(await follows(a, b)).toBe(0);
      expect(await follows(b, a)).toBe(0);
    }
  });
});

describe('mute', () => {
  it('mutes silently and idempotently, lists my mutes, and leaves follows alone', async () => {
    const [me, x] = await users(2);
    await follow(me.api, x);
    expect((await put(me.api, `/api/users/${x.userId}/mute`)).status).toBe(204);
    expect((await put(me.api, `/api/users/${x.userId}/mute`)).status).toBe(204);
    expect((await me.api.get(`/api/users/${x.userId}`)).body.viewer).toMatchObject({
      isMuted: true,
      isFollowing: true,
    });
    expect((await x.api.get(`/api/users/${me.userId}`)).body.viewer.isMuted).toBe(false);
    const list = await me.api.get('/api/users/me/mutes');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([x.userId]);
    expect(list.body.items[0].viewer).toMatchObject({ isMuted: true, isFollowing: true });
    expectNoEmail(list.body, me.email, x.email);
    expect((await x.api.get('/api/users/me/mutes')).body.items).toEqual([]);

    expect((await del(me.api, `/api/users/${x.userId}/mute`)).status).toBe(204);
    expect((await del(me.api, `/api/users/${x.userId}/mute`)).status).toBe(204);
    expect((await me.api.get('/api/users/me/mutes')).body.items).toEqual([]);
    expect(await follows(me, x)).toBe(1);
  });

  it('refuses self and unknown ids', async () => {
    const a = await user();
    expectProblem(await put(a.api, `/api/users/${a.userId}/mute`), 400, 'USER_MUTE_SELF');
    expectProblem(await put(a.api, `/api/users/${MISSING}/mute`), 404, 'COMMON_NOT_FOUND');
  });
});

describe('domain events (real subscribers on the e2e database)', () => {
  let ds: DataSource;
  let social: SocialService;
  const seen: { name: string; payload: Record<string, string> }[] = [];
  const names = [
    'user.follow.created',
    'user.follow.deleted',
    'user.block.created',
    'user.block.deleted',
  ] as const;

  beforeAll(async () => {
    ds = createDataSource(readState().databaseUrl, 4);
    await ds.initialize();
    const events = new DomainEventsService();
    new CommitFlushSubscriber(ds, events);
    new SocialGraphSubscriber(ds, events);
    for (const name of names)
      events.on(name, (payload: object) => seen.push({ name, payload: { ...payload } }));
    social = new SocialService(ds, new UserListsRepository(ds));
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  beforeEach(() => {
    seen.length = 0;
  });

  it('records each real change once, after commit, and nothing for a repeat', async () => {
    const [a, b] = await users(2);
    await social.follow(a.userId, b.userId);
    await social.follow(a.userId, b.userId);
    await social.follow(b.userId, a.userId);
    expect(seen).toEqual([
      {
        name: 'user.follow.created',
        payload: {
          followerId: a.userId,
          followeeId: b.userId,
          actorId: a.userId,
          createdAt: expect.any(String),
        },
      },
      {
        name: 'user.follow.created',
        payload: {
          followerId: b.userId,
          followeeId: a.userId,
          actorId: b.userId,
          createdAt: expect.any(String),
        },
      },
    ]);
    seen.length = 0;

    await social.block(a.userId, b.userId);
    await social.block(a.userId, b.userId);
    expect(seen.map((e) => e.name).sort()).toEqual([
      'user.block.created',
      'user.follow.deleted',
      'user.follow.deleted',
    ]);
    // The blocker ended the blocked user's follow: the actor is not the follower.
    expect(seen).toContainEqual({
      name: 'user.follow.deleted',
      payload: { followerId: b.userId, followeeId: a.userId, actorId: a.userId },
    });
    expect(seen).toContainEqual({
      name: 'user.follow.deleted',
      payload: { followerId: a.userId, followeeId: b.userId, actorId: a.userId },
    });
    expect(seen).toContainEqual({
      name: 'user.block.created',
      payload: { blockerId: a.userId, blockedId: b.userId, actorId: a.userId },
    });
    seen.length = 0;

    await social.unblock(a.userId, b.userId);
    await social.unfollow(a.userId, b.userId);
    expect(seen).toEqual([
      {
        name: 'user.block.deleted',
        payload: { blockerId: a.userId, blockedId: b.userId, actorId: a.userId },
      },
    ]);
    expect(await social.isBlockedEitherWay(a.userId, b.userId)).toBe(false);
  });

  it('records nothing when the transaction rolls back', async () => {
    const [a, b] = await users(2);
    await expect(
      ds.transaction(async (tx) => {
        await tx
          .getRepository(UserFollowEntity)
          .save({ followerId: a.userId, followeeId: b.userId });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(seen).toEqual([]);
    expect(await social.follows(a.userId, b.userId)).toBe(false);
  });

  it('answers the questions other modules ask', async () => {
    const [a, b, c] = await users(3);
    await social.follow(a.userId, b.userId);
    await social.block(c.userId, a.userId);
    expect(await social.follows(a.userId, b.userId)).toBe(true);
    expect(await social.follows(b.userId, a.userId)).toBe(false);
    expect(await social.isBlockedEitherWay(a.userId, c.userId)).toBe(true);
    expect(await social.isBlockedEitherWay(c.userId, a.userId)).toBe(true);
    expect(await social.isBlockedEitherWay(a.userId, b.userId)).toBe(false);
  });
});
