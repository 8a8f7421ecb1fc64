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
import { expectNoEmail, newUser, TestUser } from '../support/social';

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

const user = () => newUser(api.url);
const users = (n: number) => Promise.all(Array.from({ length: n }, () => user()));
const put = (c: ApiClient, path: string, body?: unknown) => c.request('PUT', path, { body });
const del = (c: ApiClient, path: string, body?: unknown) => c.request('DELETE', path, { body });
const follow = (a: ApiClient, b: TestUser) => put(a, `/api/users/${b.id}/follow`);
const unfollow = (a: ApiClient, b: TestUser) => del(a, `/api/users/${b.id}/follow`);
const block = (a: ApiClient, b: TestUser) => put(a, `/api/users/${b.id}/block`);
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
  edgeCount('user_follow', a.id, b.id, ['follower_id', 'followee_id']);

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
    expect((await follow(a, b)).status).toBe(204);
    expect((await follow(a, b)).status).toBe(204);
    expect(await follows(a, b)).toBe(1);

    const profile = await a.get(`/api/users/${b.id}`);
    expect(profile.body.counts).toEqual({ followers: 1, following: 0 });
    expect(profile.body.viewer).toMatchObject({ isFollowing: true, followsMe: false });
    const reverse = await b.get(`/api/users/${a.id}`);
    expect(reverse.body.viewer).toMatchObject({ isFollowing: false, followsMe: true });
    expect(reverse.body.counts).toEqual({ followers: 0, following: 1 });

    expect((await unfollow(a, b)).status).toBe(204);
    expect((await unfollow(a, b)).status).toBe(204);
    expect(await follows(a, b)).toBe(0);
    expect((await a.get(`/api/users/${b.id}`)).body.counts.followers).toBe(0);
  });

  it('refuses to follow oneself with 400 USER_FOLLOW_SELF', async () => {
    const a = await user();
    expectProblem(await follow(a, a), 400, 'USER_FOLLOW_SELF');
    expectProblem(await unfollow(a, a), 400, 'USER_FOLLOW_SELF');
    expect(await follows(a, a)).toBe(0);
  });

  it('answers 404 for an unknown or deleted user, 400 for a bad id, 401 anonymously', async () => {
    const [a, gone] = await users(2);
    expectProblem(await put(a, `/api/users/${MISSING}/follow`), 404, 'COMMON_NOT_FOUND');
    expectProblem(await del(a, `/api/users/${MISSING}/follow`), 404, 'COMMON_NOT_FOUND');
    expectProblem(await put(a, '/api/users/me/follow'), 400, 'COMMON_VALIDATION_FAILED');
    expectProblem(await put(a, '/api/users/1 OR 1=1/follow'), 400, 'COMMON_VALIDATION_FAILED');
    await db.query('UPDATE app_user SET deleted_at = now() WHERE id = $1', [gone.id]);
    expectProblem(await follow(a, gone), 404, 'COMMON_NOT_FOUND');
    const anon = new ApiClient(api.url);
    expectProblem(await follow(anon, a), 401, 'AUTH_UNAUTHENTICATED');
    expectProblem(await unfollow(anon, a), 401, 'AUTH_UNAUTHENTICATED');
  });

  it('only ever touches my own edge: no way to act on someone else’s behalf', async () => {
    const [me, target, other] = await users(3);
    expect((await follow(other, target)).status).toBe(204);
    expect((await follow(me, other)).status).toBe(204);

    // Unfollowing someone I do not follow, or naming another follower, leaves their edges alone.
    expect((await unfollow(me, target)).status).toBe(204);
    expect((await del(me, `/api/users/${target.id}/follow`, { followerId: other.id })).status).toBe(
      204,
    );
    expect(await follows(other, target)).toBe(1);

    // A follower id in the body is not a way to follow for someone else.
    expect((await put(me, `/api/users/${target.id}/follow`, { followerId: other.id })).status).toBe(
      204,
    );
    expect(await follows(me, target)).toBe(1);
    expect(await follows(other, target)).toBe(1);

    // My unfollow removes exactly my edge.
    expect((await unfollow(me, target)).status).toBe(204);
    expect(await follows(me, target)).toBe(0);
    expect(await follows(other, target)).toBe(1);
    expect(await follows(me, other)).toBe(1);
  });

  it('keeps one edge and announces it once under concurrent follow requests', async () => {
    const [a, b] = await users(2);
    // b follows a first, so a's follow makes them mutual followers, who see each other's presence.
    expect((await follow(b, a)).status).toBe(204);
    const socket = a.socket('/user');
    sockets.push(socket);
    await connected(socket);
    const announced: string[] = [];
    socket.on('presence.updated', (p: { userId: string }) => announced.push(p.userId));

    const results = await Promise.all(Array.from({ length: 12 }, () => follow(a, b)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(204));
    expect(await follows(a, b)).toBe(1);
    // The follow event (one per created edge) makes the gateway send the new follower b's presence.
    await new Promise((r) => setTimeout(r, 500));
    expect(announced).toEqual([b.id]);
  });
});

describe('followers and following lists', () => {
  it('lists with viewer state, newest first, to anonymous visitors too, never with emails', async () => {
    const [owner, f1, f2, viewer] = await users(4);
    await follow(f1, owner);
    await follow(f2, owner);
    await follow(viewer, f2);
    await follow(f1, viewer);
    await follow(owner, f1);

    const res = await viewer.get(`/api/users/${owner.id}/followers`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toEqual([
      {
        id: f2.id,
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
        id: f1.id,
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

    const following = await new ApiClient(api.url).get(`/api/users/${owner.id}/following`);
    expect(following.status).toBe(200);
    expect(following.body.items.map((i: { id: string }) => i.id)).toEqual([f1.id]);
    expect(following.body.items[0].viewer).toEqual({
      isSelf: false,
      isFollowing: false,
      followsMe: false,
      isBlocked: false,
      isMuted: false,
    });

    const mine = await f1.get(`/api/users/${owner.id}/followers`);
    expect(mine.body.items.find((i: { id: string }) => i.id === f1.id).viewer.isSelf).toBe(true);
  });

  it('pages by cursor without skips or repeats while edges are added and removed', async () => {
    const owner = await user();
    const fans = await users(25);
    for (const f of fans) expect((await follow(f, owner)).status).toBe(204);
    const newestFirst = [...fans].reverse().map((f) => f.id);
    const latecomers = await users(3);
    const leaverAhead = fans[2]; // near the end of the list: not yet seen when it leaves
    const leaverSeen = fans[24]; // first on page one: already seen when it leaves

    const seen = await walk(owner, `/api/users/${owner.id}/followers`, 10, async (page) => {
      if (page !== 0) return;
      for (const l of latecomers) await follow(l, owner);
      await unfollow(leaverAhead, owner);
      await unfollow(leaverSeen, owner);
    });

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(newestFirst.filter((id) => id !== leaverAhead.id));
    for (const l of latecomers) expect(seen).not.toContain(l.id);

    // A fresh walk sees the list as it is now.
    const now = await walk(owner, `/api/users/${owner.id}/followers`, 7);
    expect(now).toEqual([
      ...[...latecomers].reverse().map((l) => l.id),
      ...newestFirst.filter((id) => id !== leaverAhead.id && id !== leaverSeen.id),
    ]);
  });

  it('defaults to 20 per page, caps at 100 and refuses bad paging input', async () => {
    const owner = await user();
    const fans = await users(21);
    for (const f of fans) await follow(f, owner);
    const first = await owner.get(`/api/users/${owner.id}/followers`);
    expect(first.body.items).toHaveLength(20);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await owner.get(
      `/api/users/${owner.id}/followers?cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    expect((await owner.get(`/api/users/${owner.id}/followers?limit=100`)).status).toBe(200);

    for (const q of ['limit=101', 'limit=0', 'limit=-1', 'limit=abc', 'cursor=garbage', 'x=1']) {
      expectProblem(
        await owner.get(`/api/users/${owner.id}/followers?${q}`),
        400,
        'COMMON_VALIDATION_FAILED',
      );
    }
    const forged = Buffer.from(`2026-01-01T00:00:00.000000Z|' OR 1=1 --`).toString('base64url');
    expectProblem(
      await owner.get(`/api/users/${owner.id}/following?cursor=${forged}`),
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
    expectProblem(await viewer.get(`/api/users/${MISSING}/followers`), 404, 'COMMON_NOT_FOUND');
    await db.query('UPDATE app_user SET deleted_at = now() WHERE id = $1', [gone.id]);
    expectProblem(await viewer.get(`/api/users/${gone.id}/following`), 404, 'COMMON_NOT_FOUND');
  });

  it('leaves deleted users out of lists and counts', async () => {
    const [owner, stays, leaves] = await users(3);
    await follow(stays, owner);
    await follow(leaves, owner);
    await db.query('UPDATE app_user SET deleted_at = now() WHERE id = $1', [leaves.id]);
    const res = await owner.get(`/api/users/${owner.id}/followers`);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([stays.id]);
    expect((await owner.get(`/api/users/${owner.id}`)).body.counts.followers).toBe(1);
  });
});

describe('block', () => {
  it('ends follows both ways and hides the two from each other, both ways', async () => {
    const [a, b, c] = await users(3);
    await follow(a, b);
    await follow(b, a);
    await follow(c, a);
    await follow(c, b);
    expect((await block(a, b)).status).toBe(204);
    expect((await block(a, b)).status).toBe(204);
    expect(await follows(a, b)).toBe(0);
    expect(await follows(b, a)).toBe(0);
    expect(await follows(c, a)).toBe(1);

    for (const [viewer, other] of [
      [a, b],
      [b, a],
    ] as const) {
      expectProblem(await viewer.get(`/api/users/${other.id}`), 404, 'COMMON_NOT_FOUND');
      for (const list of ['followers', 'following'])
        expectProblem(await viewer.get(`/api/users/${other.id}/${list}`), 404, 'COMMON_NOT_FOUND');
    }
    // In a third user's lists, each is left out for the other.
    const cFollowing = `/api/users/${c.id}/following`;
    const ids = async (viewer: ApiClient) =>
      (await viewer.get(cFollowing)).body.items.map((i: { id: string }) => i.id);
    expect(await ids(a)).toEqual([a.id]);
    expect(await ids(b)).toEqual([b.id]);
    expect((await ids(c)).sort()).toEqual([a.id, b.id].sort());

    // Neither can follow the other; the blocked side cannot tell a block from a missing user.
    expectProblem(await follow(b, a), 404, 'COMMON_NOT_FOUND');
    expectProblem(await follow(a, b), 403, 'USER_FOLLOW_BLOCKED');
    expect(await follows(a, b)).toBe(0);
    expect(await follows(b, a)).toBe(0);
  });

  it('lists my blocks (paginated) and lets me unblock, without restoring follows', async () => {
    const [me, x, y] = await users(3);
    await follow(me, x);
    await block(me, x);
    await block(me, y);
    const page1 = await me.get('/api/users/me/blocks?limit=1');
    expect(page1.status).toBe(200);
    expect(page1.body.items).toEqual([
      {
        id: y.id,
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
    const page2 = await me.get(
      `/api/users/me/blocks?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`,
    );
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([x.id]);
    expect(page2.body.nextCursor).toBeNull();
    expectNoEmail([page1.body, page2.body], me.email, x.email, y.email);
    expect((await x.get('/api/users/me/blocks')).body.items).toEqual([]);

    expect((await del(me, `/api/users/${x.id}/block`)).status).toBe(204);
    expect((await del(me, `/api/users/${x.id}/block`)).status).toBe(204);
    expect((await me.get(`/api/users/${x.id}`)).status).toBe(200);
    expect((await x.get(`/api/users/${me.id}`)).status).toBe(200);
    expect(await follows(me, x)).toBe(0);
    expect((await follow(me, x)).status).toBe(204);
  });

  it('keeps the other side’s block when I unblock, and I may block back', async () => {
    const [a, b] = await users(2);
    await block(a, b);
    expect((await block(b, a)).status).toBe(204);
    expect((await del(a, `/api/users/${b.id}/block`)).status).toBe(204);
    expectProblem(await a.get(`/api/users/${b.id}`), 404, 'COMMON_NOT_FOUND');
    expectProblem(await follow(a, b), 404, 'COMMON_NOT_FOUND');
  });

  it('refuses self, unknown ids and anonymous callers', async () => {
    const a = await user();
    expectProblem(await block(a, a), 400, 'USER_BLOCK_SELF');
    expectProblem(await del(a, `/api/users/${a.id}/block`), 400, 'USER_BLOCK_SELF');
    expectProblem(await put(a, `/api/users/${MISSING}/block`), 404, 'COMMON_NOT_FOUND');
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
      await Promise.all([follow(b, a), block(a, b), follow(b, a), follow(a, b)]);
      expect(await follows(a, b)).toBe(0);
      expect(await follows(b, a)).toBe(0);
    }
  });
});

describe('mute', () => {
  it('mutes silently and idempotently, lists my mutes, and leaves follows alone', async () => {
    const [me, x] = await users(2);
    await follow(me, x);
    expect((await put(me, `/api/users/${x.id}/mute`)).status).toBe(204);
    expect((await put(me, `/api/users/${x.id}/mute`)).status).toBe(204);
    expect((await me.get(`/api/users/${x.id}`)).body.viewer).toMatchObject({
      isMuted: true,
      isFollowing: true,
    });
    expect((await x.get(`/api/users/${me.id}`)).body.viewer.isMuted).toBe(false);
    const list = await me.get('/api/users/me/mutes');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([x.id]);
    expect(list.body.items[0].viewer).toMatchObject({ isMuted: true, isFollowing: true });
    expectNoEmail(list.body, me.email, x.email);
    expect((await x.get('/api/users/me/mutes')).body.items).toEqual([]);

    expect((await del(me, `/api/users/${x.id}/mute`)).status).toBe(204);
    expect((await del(me, `/api/users/${x.id}/mute`)).status).toBe(204);
    expect((await me.get('/api/users/me/mutes')).body.items).toEqual([]);
    expect(await follows(me, x)).toBe(1);
  });

  it('refuses self and unknown ids', async () => {
    const a = await user();
    expectProblem(await put(a, `/api/users/${a.id}/mute`), 400, 'USER_MUTE_SELF');
    expectProblem(await put(a, `/api/users/${MISSING}/mute`), 404, 'COMMON_NOT_FOUND');
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
    await social.follow(a.id, b.id);
    await social.follow(a.id, b.id);
    await social.follow(b.id, a.id);
    expect(seen).toEqual([
      {
        name: 'user.follow.created',
        payload: {
          followerId: a.id,
          followeeId: b.id,
          actorId: a.id,
          createdAt: expect.any(String),
        },
      },
      {
        name: 'user.follow.created',
        payload: {
          followerId: b.id,
          followeeId: a.id,
          actorId: b.id,
          createdAt: expect.any(String),
        },
      },
    ]);
    seen.length = 0;

    await social.block(a.id, b.id);
    await social.block(a.id, b.id);
    expect(seen.map((e) => e.name).sort()).toEqual([
      'user.block.created',
      'user.follow.deleted',
      'user.follow.deleted',
    ]);
    // The blocker ended the blocked user's follow: the actor is not the follower.
    expect(seen).toContainEqual({
      name: 'user.follow.deleted',
      payload: { followerId: b.id, followeeId: a.id, actorId: a.id },
    });
    expect(seen).toContainEqual({
      name: 'user.follow.deleted',
      payload: { followerId: a.id, followeeId: b.id, actorId: a.id },
    });
    expect(seen).toContainEqual({
      name: 'user.block.created',
      payload: { blockerId: a.id, blockedId: b.id, actorId: a.id },
    });
    seen.length = 0;

    await social.unblock(a.id, b.id);
    await social.unfollow(a.id, b.id);
    expect(seen).toEqual([
      {
        name: 'user.block.deleted',
        payload: { blockerId: a.id, blockedId: b.id, actorId: a.id },
      },
    ]);
    expect(await social.isBlockedEitherWay(a.id, b.id)).toBe(false);
  });

  it('records nothing when the transaction rolls back', async () => {
    const [a, b] = await users(2);
    await expect(
      ds.transaction(async (tx) => {
        await tx.getRepository(UserFollowEntity).save({ followerId: a.id, followeeId: b.id });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(seen).toEqual([]);
    expect(await social.follows(a.id, b.id)).toBe(false);
  });

  it('answers the questions other modules ask', async () => {
    const [a, b, c] = await users(3);
    await social.follow(a.id, b.id);
    await social.block(c.id, a.id);
    expect(await social.follows(a.id, b.id)).toBe(true);
    expect(await social.follows(b.id, a.id)).toBe(false);
    expect(await social.isBlockedEitherWay(a.id, c.id)).toBe(true);
    expect(await social.isBlockedEitherWay(c.id, a.id)).toBe(true);
    expect(await social.isBlockedEitherWay(a.id, b.id)).toBe(false);
  });
});
