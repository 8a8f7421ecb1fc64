import type { Socket } from 'socket.io-client';
import { ApiClient, connected, connectError, nextEvent } from '../support/client';
import { connectChat, createRoom, createVerifiedUser, openDirect, openSocket } from '../factories';
import { ApiProcess, startApi } from '../support/api-process';

let a: ApiProcess;
let b: ApiProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([startApi(), startApi()]);
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

function track(s: Socket): Socket {
  sockets.push(s);
  return s;
}

describe('socket handshake', () => {
  it('accepts a valid access token in the auth payload', async () => {
    const c = new ApiClient(a.url);
    await c.signup();
    await connected(track(c.socket('/user')));
  });

  it('refuses a missing, forged or query-string token with a code', async () => {
    const c = new ApiClient(a.url);
    await c.signup();
    expect((await connectError(track(c.socket('/user', { token: null })))).data?.code).toBe(
      'AUTH_UNAUTHENTICATED',
    );
    expect((await connectError(track(c.socket('/user', { token: 'x.y.z' })))).data?.code).toBe(
      'AUTH_TOKEN_INVALID',
    );
    const viaQuery = track(c.socket('/user', { token: null, query: { token: c.accessToken! } }));
    expect((await connectError(viaQuery)).data?.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('refuses an Origin that is not on the allowlist and accepts the app origin', async () => {
    const c = new ApiClient(a.url);
    await c.signup();
    await connectError(track(c.socket('/user', { origin: 'https://evil.example' })));
    await connected(track(c.socket('/user', { origin: a.origin })));
  });

  it('refuses the token of a revoked session', async () => {
    const c = new ApiClient(a.url);
    await c.signup();
    const token = c.accessToken!;
    await c.post('/api/auth/logout');
    expect((await connectError(track(c.socket('/user', { token })))).data?.code).toBe(
      'AUTH_SESSION_REVOKED',
    );
  });
});

describe('handshakes arriving together', () => {
  it('judges each on its own session and subscribes each to its own rooms', async () => {
    const [u0, u1, u2, u3, alone, leaver] = await Promise.all(
      Array.from({ length: 6 }, () => createVerifiedUser(a)),
    );
    const group = await createRoom(u0, [u1]);
    const direct = await openDirect(u2, u3);
    const revokedToken = leaver.api.accessToken!;
    expect((await leaver.api.post('/api/auth/logout')).status).toBe(204);

    const refused = connectError(
      openSocket(leaver, '/chat', { token: revokedToken, track: sockets }),
    );
    const joined = await Promise.all(
      [u0, u1, u2, u3, alone].map((u) => connectChat(u, { track: sockets })),
    );
    expect(joined.map((j) => j.roomIds)).toEqual([[group], [group], [direct], [direct], []]);
    expect((await refused).data?.code).toBe('AUTH_SESSION_REVOKED');
  });
});

describe('acks and validation', () => {
  it('answers an event with { ok: true, data } and refuses unknown fields with a code', async () => {
    const c = new ApiClient(a.url);
    await c.signup();
    const s = track(c.socket('/user'));
    await connected(s);
    const ok = await s.timeout(5000).emitWithAck('session.list', {});
    expect(ok.ok).toBe(true);
    expect(ok.data).toHaveLength(1);
    expect(JSON.stringify(ok.data)).not.toMatch(/@/);
  });

  it('drops events over the per-socket limit and says so in the ack', async () => {
    const c = new ApiClient(a.url);
    await c.signup();
    const s = track(c.socket('/user'));
    await connected(s);
    const acks = await Promise.all(
      Array.from({ length: 25 }, () => s.timeout(5000).emitWithAck('session.list', {})),
    );
    const limited = acks.filter((r) => !r.ok);
    expect(acks.filter((r) => r.ok)).toHaveLength(20);
    expect(limited).toHaveLength(5);
    expect(limited[0].error.code).toBe('COMMON_RATE_LIMITED');
    for (const { error } of limited) {
      expect(error.retryAfterSec).toBeGreaterThanOrEqual(1);
      expect(error.retryAfterSec).toBeLessThanOrEqual(60);
    }
  });
});

describe('across two API processes sharing Redis', () => {
  it('delivers an event raised on one instance to a socket on the other', async () => {
    const onA = new ApiClient(a.url);
    const { email, password } = await onA.signup();
    const s = track(onA.socket('/user'));
    await connected(s);
    const created = nextEvent(s, 'session.created');
    const onB = new ApiClient(b.url);
    const login = await onB.post('/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    const event = await created;
    expect(event.ip).toBe(onB.ip);
    expect(event).not.toHaveProperty('email');
  });

  it('disconnects a revoked session’s sockets on every instance within 2 s', async () => {
    const c = new ApiClient(a.url);
    const { email, password } = await c.signup();
    const victim = new ApiClient(b.url);
    victim.accessToken = (
      await victim.post('/api/auth/login', { email, password })
    ).body.accessToken;
    const onB = track(victim.socket('/user'));
    const onA = track(new ApiClient(a.url).socket('/user', { token: victim.accessToken }));
    await Promise.all([connected(onB), connected(onA)]);
    const keeper = track(c.socket('/user'));
    await connected(keeper);

    const sessions = (await c.get('/api/auth/sessions')).body as { id: string; current: boolean }[];
    const target = sessions.find((x) => !x.current)!;
    const started = Date.now();
    const gone = Promise.all([
      nextEvent(onA, 'disconnect', 2000),
      nextEvent(onB, 'disconnect', 2000),
    ]);
    const revoked = nextEvent(keeper, 'session.revoked', 2000);
    expect((await c.delete(`/api/auth/sessions/${target.id}`)).status).toBe(204);
    const reasons = await gone;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(reasons).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await revoked).toEqual({ id: target.id });
    expect(keeper.connected).toBe(true);
  });
});

describe('slow consumers', () => {
  it('disconnects a client that stops reading instead of buffering without limit', async () => {
    const api = await startApi({ SOCKET_MAX_BUFFERED_BYTES: '1024' });
    try {
      const c = new ApiClient(api.url);
      const { email, password } = await c.signup();
      const headers = { 'x-forwarded-for': c.ip };
      // Engine.IO long-polling by hand: connect, join /user, then never poll again.
      const hs = await (
        await fetch(`${api.url}/socket.io/?EIO=4&transport=polling`, { headers })
      ).text();
      const sid = (JSON.parse(hs.slice(1)) as { sid: string }).sid;
      const poll = `${api.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`;
      const join = await fetch(poll, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/plain' },
        body: `40/user,${JSON.stringify({ token: c.accessToken })}`,
      });
      expect(join.status).toBe(200);

      // Each login pushes a session.created event (~200 bytes) into the unread buffer.
      for (let i = 0; i < 8; i++)
        expect(
          (await new ApiClient(api.url).post('/api/auth/login', { email, password })).status,
        ).toBe(200);
      await new Promise((r) => setTimeout(r, 1500));

      const late = await fetch(poll, { headers });
      const body = await late.text();
      // The server has closed the session: unknown sid (400) or a close packet.
      expect(late.status === 400 || body.startsWith('1')).toBe(true);
    } finally {
      await api.stop();
    }
  });
});
