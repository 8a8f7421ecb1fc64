import type { INestApplicationContext } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { of } from 'rxjs';
import type { Socket } from 'socket.io';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { AppConfig } from '../../config/app.config';
import { PerfSwitches } from '../../config/perf-switches';
import type { RateLimitService } from '../http/rate-limit.service';
import type { RedisClients } from '../redis/redis.module';
import { OrgoIoAdapter } from './orgo-io.adapter';
import type { SocketAuthenticator } from './socket-auth';

class FakeSocket extends EventEmitter {
  connected = true;
  /** What the adapter sent to the client (events named `out:*` here), not the inbound events. */
  readonly emitted: unknown[][] = [];
  override emit(event: string, ...args: unknown[]): boolean {
    if (event.startsWith('out:')) this.emitted.push([event, ...args]);
    return super.emit(event, ...args);
  }
}

const flush = () => new Promise((r) => setImmediate(r));

const adapterWith = (perf: PerfSwitches) =>
  new OrgoIoAdapter(
    { getHttpServer: () => null } as unknown as INestApplicationContext,
    { env: { TRUST_PROXY: 'loopback' }, perf } as AppConfig,
    {} as SocketAuthenticator,
    {} as RedisClients,
    {} as RateLimitService,
  );

describe('OrgoIoAdapter.bindMessageHandlers', () => {
  const adapter = adapterWith(new PerfSwitches());
  const bind = (socket: FakeSocket, callback: (data: unknown, ack?: unknown) => unknown) =>
    adapter.bindMessageHandlers(
      socket as unknown as Socket,
      [{ message: 'ev', callback: callback as (...args: unknown[]) => unknown }],
      () => of(null),
    );

  it('acks with what the handler resolves to, given the payload alone', async () => {
    const socket = new FakeSocket();
    const seen: unknown[] = [];
    bind(socket, (data) => {
      seen.push(data);
      return Promise.resolve({ ok: true });
    });
    const ack = jest.fn();
    socket.emit('ev', { a: 1 }, ack);
    await flush();
    expect(seen).toEqual([{ a: 1 }]);
    expect(ack).toHaveBeenCalledWith({ ok: true });
  });

  it('passes several arguments as an array and sends nothing for an empty result', async () => {
    const socket = new FakeSocket();
    const seen: unknown[] = [];
    bind(socket, (data) => {
      seen.push(data);
      return undefined;
    });
    const ack = jest.fn();
    socket.emit('ev', 1, 2, ack);
    await flush();
    expect(seen).toEqual([[1, 2]]);
    expect(ack).not.toHaveBeenCalled();
  });

  it('emits { event, data } results and unwraps observables', async () => {
    const socket = new FakeSocket();
    bind(socket, () => of({ event: 'out:done', data: 7 }));
    socket.emit('ev', {});
    await flush();
    expect(socket.emitted).toEqual([['out:done', 7]]);
  });

  it('does not answer a socket that disconnected meanwhile, and survives a throwing handler', async () => {
    const socket = new FakeSocket();
    let calls = 0;
    bind(socket, () => {
      calls++;
      if (calls === 1) throw new Error('boom');
      socket.connected = false;
      return { ok: true };
    });
    const log = jest.spyOn((adapter as unknown as { log: { error: () => void } }).log, 'error');
    log.mockImplementation(() => undefined);
    const ack = jest.fn();
    socket.emit('ev', {}, ack);
    socket.emit('ev', {}, ack);
    await flush();
    expect(log).toHaveBeenCalledTimes(1);
    expect(ack).not.toHaveBeenCalled();
    expect(calls).toBe(2);
  });
});

describe('OrgoIoAdapter.bindMessageHandlers with PERF_PLAIN_DISPATCH off', () => {
  const adapter = adapterWith(new PerfSwitches({ plainDispatch: false }));

  it("uses Nest's RxJS dispatch, behind the same input rules", async () => {
    const nest = jest.spyOn(IoAdapter.prototype, 'bindMessageHandlers');
    const socket = new FakeSocket();
    const seen: unknown[] = [];
    adapter.bindMessageHandlers(
      socket as unknown as Socket,
      [
        {
          message: 'ev',
          callback: ((data: unknown) => {
            seen.push(data);
            return { ok: true };
          }) as (...args: unknown[]) => unknown,
        },
      ],
      (result) => of(result),
    );
    expect(nest).toHaveBeenCalledTimes(1);
    nest.mockRestore();
    const ack = jest.fn();
    socket.emit('ev', { a: 1 }, ack);
    const refused = jest.fn();
    socket.emit('ev', { text: 'a\u0000b' }, refused);
    await flush();
    expect(seen).toEqual([{ a: 1 }]);
    expect(ack).toHaveBeenCalledWith({ ok: true });
    expect(refused).toHaveBeenCalledWith({
      ok: false,
      error: expect.objectContaining({ code: 'COMMON_VALIDATION_FAILED' }) as unknown,
    });
  });
});
