import type { ChatMessage } from '@orgo/contracts';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { ApiProcess, startApi } from '../support/api-process';
import { connectChat, createVerifiedUser, openDirect, TestUser } from '../factories';
import { send, sendText } from '../support/chat';
import { nextEvent } from '../support/client';
import { readState, serviceEnv } from '../support/env';
import { waitFor } from '../support/chat';

/**
 * With every performance piece off (the PERF_* switches, for benchmarking), the API is the plain
 * libraries' and behaves the same: Nest's ValidationPipe, unnamed statements,
 * MessagePack between instances, Nest's RxJS dispatch behind the same input rules.
 */
const allOff = {
  RATE_LIMIT_ENABLED: 'false',
  PERF_VALIDATION_FAST_PATH: '0',
  PERF_PREPARED_STATEMENTS: '0',
  PERF_REDIS_JSON_CODEC: '0',
  PERF_PLAIN_DISPATCH: '0',
};
jest.setTimeout(30_000);

let a: ApiProcess;
let b: ApiProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([startApi(allOff), startApi(allOff)]);
}, 60_000);

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const connect = (u: TestUser) => connectChat(u, { track: sockets });

describe('with every PERF_* switch off', () => {
  it('says so at startup', () => {
    expect(a.output()).toContain(
      'performance pieces off: PERF_VALIDATION_FAST_PATH, PERF_PREPARED_STATEMENTS, PERF_REDIS_JSON_CODEC, PERF_PLAIN_DISPATCH',
    );
  });

  it('carries messages between instances and refuses bad ones with the same codes', async () => {
    const alice = await createVerifiedUser(a.url);
    const bob = await createVerifiedUser(b.url);
    const roomId = await openDirect(alice, bob);
    const [onA, onB] = await Promise.all([connect(alice), connect(bob)]);
    // What the instances broadcast to each other through Redis: MessagePack, not JSON.
    const listener = new Redis(serviceEnv().REDIS_URL!);
    const broadcasts: Buffer[] = [];
    listener.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, message: Buffer) =>
      broadcasts.push(message),
    );
    await listener.psubscribe(`${readState().redisPrefix}socket.io#/chat#*`);

    for (const [from, to] of [
      [onA, onB],
      [onB, onA],
    ]) {
      const heard = nextEvent<ChatMessage>(to.socket, 'message.created');
      const ack = await sendText(from.socket, roomId, `hello ${randomUUID()}`);
      expect(ack.ok).toBe(true);
      expect(await heard).toEqual(ack.ok && ack.data);
    }

    await waitFor(() => broadcasts.length >= 2);
    await listener.quit();
    expect(broadcasts.filter((m) => m[0] === '['.charCodeAt(0))).toEqual([]);

    const unknownField = await send(onA.socket, {
      roomId,
      clientMessageId: randomUUID(),
      text: 'x',
      senderId: bob.userId,
    });
    const unsafe = await send(onA.socket, { roomId, clientMessageId: randomUUID(), text: 'a\0b' });
    for (const refused of [unknownField, unsafe]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'COMMON_VALIDATION_FAILED' } });
    }
    const history = await alice.api.get(`/api/chat/rooms/${roomId}/messages`);
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(2);
    const badQuery = await alice.api.get(`/api/chat/rooms/${roomId}/messages?limit=0`);
    expect([badQuery.status, badQuery.body.code]).toEqual([400, 'COMMON_VALIDATION_FAILED']);
  });
});
