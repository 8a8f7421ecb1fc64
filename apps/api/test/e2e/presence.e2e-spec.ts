import type { Socket } from 'socket.io-client';
import { nextEvent } from '../support/client';
import { ApiProcess, startApi } from '../support/api-process';
import { connectSocket, createUser, TestUser } from '../factories';
import { expectNoEmail } from '../support/social';

/** Short TTL so a crashed instance's users go offline within seconds. */
const PRESENCE = { PRESENCE_TTL_SEC: '3' };

let a: ApiProcess;
let b: ApiProcess;
const sockets: Socket[] = [];

// The e2e project's testTimeout is not applied per project by jest; starting APIs can be slow.
jest.setTimeout(60_000);

beforeAll(async () => {
  [a, b] = await Promise.all([startApi(PRESENCE), startApi(PRESENCE)]);
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

interface PresenceState {
  userId: string;
  online: boolean;
  lastActiveAt: string | null;
}

/** A user's client bound to one instance; `tab()` opens another connected /user socket. */
const userOn = (api: ApiProcess) => createUser(api);

/** Another connected /user socket of the user, on their own instance or on `api`. */
const tab = (u: TestUser, api?: ApiProcess) =>
  connectSocket(u, '/user', { on: api, track: sockets });

/** Collects presence updates about one user as they arrive. */
function recorder(s: Socket, userId: string) {
  const events: PresenceState[] = [];
  s.on('presence.updated', (p: PresenceState) => {
    expectNoEmail(p);
    if (p.userId === userId) events.push(p);
  });
  return {
    events,
    next: (online: boolean, timeoutMs = 5000) =>
      new Promise<PresenceState>((resolve, reject) => {
        const t = setTimeout(
          () =>
            reject(new Error(`no presence ${online ? 'online' : 'offline'} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = (p: PresenceState) => {
          if (p.userId !== userId || p.online !== online) return;
          clearTimeout(t);
          s.off('presence.updated', check);
          resolve(p);
        };
        s.on('presence.updated', check);
      }),
  };
}

const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

async function ask(s: Socket, userIds: string[]) {
  return s.timeout(5000).emitWithAck('presence.get', { userIds });
}

async function followUser(follower: TestUser, target: TestUser) {
  expect((await follower.api.request('PUT', `/api/users/${target.userId}/follow`)).status).toBe(
    204,
  );
}

/**
 * Makes the two mutual followers (the target follows first), opens the follower's tab, and waits
 * for the presence sent when following back makes them mutual.
 */
async function watchAfterFollowing(follower: TestUser, target: TestUser): Promise<Socket> {
  await followUser(target, follower);
  const s = await tab(follower);
  const initial = nextEvent<PresenceState>(s, 'presence.updated');
  await followUser(follower, target);
  expect((await initial).userId).toBe(target.userId);
  return s;
}

describe('presence across two instances sharing Redis', () => {
  it('tells a follower on A when the user connects on B; tabs count as one presence', async () => {
    const [follower, target] = await Promise.all([userOn(a), userOn(b)]);
    const watch = await watchAfterFollowing(follower, target);
    const seen = recorder(watch, target.userId);

    const online = seen.next(true);
    const first = await tab(target);
    expect(await online).toEqual({
      userId: target.userId,
      online: true,
      lastActiveAt: expect.any(String),
    });

    // A second tab, on the other instance, changes nothing.
    const second = await tab(target, a);
    await settle();
    expect(seen.events.map((e) => e.online)).toEqual([true]);
    expect((await ask(watch, [target.userId])).data).toEqual([
      { userId: target.userId, online: true, lastActiveAt: expect.any(String) },
    ]);

    // Closing one tab keeps the user online.
    first.disconnect();
    await settle();
    expect(seen.events.map((e) => e.online)).toEqual([true]);
    expect((await ask(watch, [target.userId])).data[0].online).toBe(true);

    // Closing the last one takes them offline, with the time stored.
    const offline = seen.next(false);
    second.disconnect();
    const gone = await offline;
    expect(gone.lastActiveAt).toEqual(expect.any(String));
    expect(Date.now() - Date.parse(gone.lastActiveAt!)).toBeLessThan(10_000);
    expect(seen.events.map((e) => e.online)).toEqual([true, false]);

    const viaHttp = await follower.api.get(`/api/users/${target.userId}`);
    expect(viaHttp.body.presence).toEqual({ online: false, lastActiveAt: gone.lastActiveAt });
    const asked = await ask(watch, [target.userId]);
    expect(asked.data).toEqual([
      { userId: target.userId, online: false, lastActiveAt: gone.lastActiveAt },
    ]);
  });

  it('gives a one-way follower and a non-follower nothing, live or on request', async () => {
    const [stranger, target, follower, fan] = await Promise.all([
      userOn(a),
      userOn(b),
      userOn(a),
      userOn(b),
    ]);
    const followerSeen = recorder(await watchAfterFollowing(follower, target), target.userId);
    const strangerSocket = await tab(stranger);
    const strangerSeen = recorder(strangerSocket, target.userId);
    // The target follows the stranger: "follows me" is not enough to see presence.
    await followUser(target, stranger);
    // The fan follows the target, who does not follow back: following alone is not enough either.
    const fanSocket = await tab(fan);
    const fanSeen = recorder(fanSocket, target.userId);
    await followUser(fan, target);

    const online = followerSeen.next(true);
    await tab(target);
    await online;
    await settle();
    expect(strangerSeen.events).toEqual([]);
    expect(fanSeen.events).toEqual([]);
    for (const [viewer, s] of [
      [stranger, strangerSocket],
      [fan, fanSocket],
    ] as const) {
      expect(await ask(s, [target.userId])).toEqual({ ok: true, data: [] });
      expect((await viewer.api.get(`/api/users/${target.userId}`)).body.presence).toBeNull();
    }
    // The follower, followed back, sees it on the profile too.
    expect((await follower.api.get(`/api/users/${target.userId}`)).body.presence).toEqual({
      online: true,
      lastActiveAt: expect.any(String),
    });
  });

  it('answers presence.get for myself and mutual followers only, never across a block', async () => {
    const [me, followed, blocker, stranger, oneWay] = await Promise.all([
      userOn(a),
      userOn(b),
      userOn(b),
      userOn(a),
      userOn(b),
    ]);
    await followUser(me, followed);
    await followUser(followed, me);
    await followUser(me, blocker);
    await followUser(blocker, me);
    await followUser(me, oneWay);
    expect((await blocker.api.request('PUT', `/api/users/${me.userId}/block`)).status).toBe(204);
    const s = await tab(me);
    await tab(followed);
    await tab(blocker);
    await tab(oneWay);
    await settle();

    const res = await ask(s, [
      me.userId,
      followed.userId,
      blocker.userId,
      stranger.userId,
      oneWay.userId,
      me.userId,
    ]);
    expect(res.ok).toBe(true);
    const byId = Object.fromEntries(res.data.map((p: PresenceState) => [p.userId, p]));
    expect(Object.keys(byId).sort()).toEqual([me.userId, followed.userId].sort());
    expect(byId[me.userId].online).toBe(true);
    expect(byId[followed.userId].online).toBe(true);
    expectNoEmail(res, me.email, followed.email, blocker.email, stranger.email, oneWay.email);
  });

  it('stops live updates once the user blocks the follower', async () => {
    const [follower, target] = await Promise.all([userOn(a), userOn(b)]);
    const seen = recorder(await watchAfterFollowing(follower, target), target.userId);
    expect((await target.api.request('PUT', `/api/users/${follower.userId}/block`)).status).toBe(
      204,
    );
    await tab(target);
    await settle(1000);
    expect(seen.events).toEqual([]);
  });

  it('shows both users each other’s presence as soon as a follow makes them mutual', async () => {
    const [follower, target] = await Promise.all([userOn(a), userOn(b)]);
    await followUser(target, follower);
    const targetSocket = await tab(target);
    const s = await tab(follower);
    const update = nextEvent<PresenceState>(s, 'presence.updated');
    const back = nextEvent<PresenceState>(targetSocket, 'presence.updated');
    await followUser(follower, target);
    expect(await update).toEqual({
      userId: target.userId,
      online: true,
      lastActiveAt: expect.any(String),
    });
    expect(await back).toEqual({
      userId: follower.userId,
      online: true,
      lastActiveAt: expect.any(String),
    });
  });

  it('validates presence.get and answers errors through the ack', async () => {
    const me = await userOn(a);
    const s = await tab(me);
    const tooMany = Array.from(
      { length: 101 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    for (const payload of [
      { userIds: tooMany },
      { userIds: ['not-a-uuid'] },
      { userIds: 'x' },
      {},
      { userIds: [], extra: true },
    ]) {
      const res = await s.timeout(5000).emitWithAck('presence.get', payload);
      expect(res.ok).toBe(false);
      expect(res.error.code).toBe('COMMON_VALIDATION_FAILED');
    }
    expect((await ask(s, [])).data).toEqual([]);
    expect((await ask(s, tooMany.slice(0, 100))).data).toEqual([]);
  });

  it('takes users of a crashed instance offline for their followers within the TTL', async () => {
    const c = await startApi(PRESENCE);
    try {
      const [follower, target] = await Promise.all([userOn(a), userOn(b)]);
      const seen = recorder(await watchAfterFollowing(follower, target), target.userId);
      const online = seen.next(true);
      await tab(target, c);
      await online;

      const offline = seen.next(false, 10_000);
      const killedAt = Date.now();
      await c.stop('SIGKILL');
      await offline;
      // TTL 3 s plus at most one heartbeat period (1 s) of sweep delay, with some slack.
      expect(Date.now() - killedAt).toBeLessThan(6_000);
      expect(seen.events.map((e) => e.online)).toEqual([true, false]);
    } finally {
      await c.stop('SIGKILL'); // no-op when the test got that far
    }
  });
});
