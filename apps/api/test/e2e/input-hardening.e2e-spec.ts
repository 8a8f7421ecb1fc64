import type { Socket } from 'socket.io-client';
import { ApiProcess, startApi } from '../support/api-process';
import { connectChat, createRoom, createVerifiedUser, follow, TestUser } from '../factories';
import { send } from '../support/chat';
import { ApiClient, HttpResult } from '../support/client';
import { expectProblem } from '../support/expect-problem';

let api: ApiProcess;
let alice: TestUser;
let bob: TestUser;
let roomId: string;
const sockets: Socket[] = [];

jest.setTimeout(60_000);

beforeAll(async () => {
  api = await startApi();
  [alice, bob] = await Promise.all([createVerifiedUser(api.url), createVerifiedUser(api.url)]);
  await Promise.all([follow(alice, bob), follow(bob, alice)]);
  roomId = await createRoom(alice, [bob]);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await api?.stop();
});

const NUL = 'a\u0000b';
const LONE = 'a\ud800b';
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const cursorOf = (text: string) => Buffer.from(text).toString('base64url');
const ID = '0b6f5b8e-6a4d-4c1f-9a6e-0c2b1d3e4f5a';

function expectFieldRefused(res: HttpResult, field: string, code: string): void {
  expectProblem(res, 400, 'COMMON_VALIDATION_FAILED');
  expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
}

describe('one rule for every inbound string', () => {
  it('refuses U+0000 and lone surrogates in REST bodies with 400 and the field', async () => {
    const anon = new ApiClient(api.url);
    const cases: [HttpResult, string, string][] = [
      [
        await alice.api.post(`/api/chat/rooms/${roomId}/messages`, {
          clientMessageId: ID,
          text: NUL,
        }),
        'text',
        'nullCharacter',
      ],
      [
        await alice.api.request('PATCH', '/api/users/me', { body: { about: NUL } }),
        'about',
        'nullCharacter',
      ],
      [
        await alice.api.post('/api/chat/rooms', { name: NUL, memberIds: [bob.userId] }),
        'name',
        'nullCharacter',
      ],
      [
        await anon.post('/api/auth/login', {
          email: `x${NUL}@example.com`,
          password: 'whatever-1',
        }),
        'email',
        'nullCharacter',
      ],
      [
        await anon.post('/api/auth/signup', {
          email: `x${LONE}@example.com`,
          password: 'climb-a1b2c3d4',
        }),
        'email',
        'unpairedSurrogate',
      ],
      [
        await anon.post('/api/auth/password/forgot', { email: `x${LONE}@example.com` }),
        'email',
        'unpairedSurrogate',
      ],
    ];
    for (const [res, field, code] of cases) expectFieldRefused(res, field, code);
  });

  it('refuses them in query strings and path parameters', async () => {
    expectFieldRefused(await alice.api.get('/api/chat/rooms?q=a%00b'), 'q', 'nullCharacter');
    const reaction = await alice.api.request(
      'PUT',
      `/api/chat/rooms/${roomId}/messages/${ID}/reactions/%00`,
    );
    expectFieldRefused(reaction, 'emoji', 'nullCharacter');
  });

  it('refuses JSON nested 2,000 deep (a 4 KB body) with 400', async () => {
    const anon = new ApiClient(api.url);
    for (const raw of [deepArray(2000), deepObject(2000)]) {
      const res = await anon.request('POST', '/api/auth/login', { raw });
      expectProblem(res, 400, 'COMMON_VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 'tooDeep' })]);
    }
    expect(deepArray(2000).length).toBe(4000);
    // As deep as the 100 kB body limit allows: still a 400, never a 500.
    const deepest = await anon.request('POST', '/api/auth/login', { raw: deepArray(50_000) });
    expectProblem(deepest, 400, 'COMMON_VALIDATION_FAILED');
  });

  it('answers an impossible cursor date with 400 on every user list', async () => {
    const cursor = cursorOf(`2026-02-30T25:61:00.000000Z|${ID}`);
    for (const path of [
      `/api/users/${alice.userId}/followers`,
      `/api/users/${alice.userId}/following`,
      '/api/users/me/blocks',
      '/api/users/me/mutes',
    ]) {
      expectFieldRefused(await alice.api.get(`${path}?cursor=${cursor}`), 'cursor', 'invalid');
    }
    expectFieldRefused(
      await alice.api.get(`/api/chat/rooms?cursor=${cursorOf(`99999999999999999999|${ID}`)}`),
      'cursor',
      'invalid',
    );
  });

  it('refuses bad strings and deep payloads on sockets through the ack, and the socket stays usable', async () => {
    const { socket } = await connectChat(alice);
    sockets.push(socket);
    const bad = [
      { roomId, clientMessageId: ID, text: NUL },
      { roomId, clientMessageId: ID, text: LONE },
      { roomId, clientMessageId: ID, text: 'ok', [`k${NUL}`]: 1 },
      JSON.parse(deepObject(2000)) as Record<string, unknown>,
    ];
    for (const payload of bad) {
      const ack = await send(socket, payload);
      expect(ack).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'COMMON_VALIDATION_FAILED' }),
      });
    }
    const good = await send(socket, { roomId, clientMessageId: ID, text: 'still here' });
    expect(good).toEqual(expect.objectContaining({ ok: true }));
  });
});
