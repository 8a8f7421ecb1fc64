import type { Socket } from 'socket.io';
import { refuseUnknownEvents, unwatchRoom, watchRoom } from './socket-namespace';

/** A stand-in socket: records joins and leaves, and keeps the middleware it is given. */
function fakeSocket() {
  const log: string[] = [];
  let middleware: ((packet: unknown[], next: () => void) => void) | undefined;
  const socket = {
    join(room: string) {
      log.push(`join ${room}`);
      return Promise.resolve();
    },
    leave(room: string) {
      log.push(`leave ${room}`);
      return Promise.resolve();
    },
    use(fn: typeof middleware) {
      middleware = fn;
    },
  };
  const send = (packet: unknown[]) => {
    let passed = false;
    middleware!(packet, () => {
      passed = true;
    });
    return passed;
  };
  return { socket: socket as unknown as Socket, log, send };
}

const refused = () => Promise.reject(new Error('not allowed'));

describe('refuseUnknownEvents', () => {
  it('lets the namespace’s events through and answers any other one through its ack', () => {
    const { socket, send } = fakeSocket();
    refuseUnknownEvents(socket, new Set(['post.watch']));
    expect(send(['post.watch', { postId: 'p1' }, () => undefined])).toBe(true);
    const ack = jest.fn();
    expect(send(['post.delete', { postId: 'p1' }, ack])).toBe(false);
    expect(ack).toHaveBeenCalledWith({
      ok: false,
      error: { code: 'REALTIME_EVENT_UNKNOWN', message: 'Unknown event "post.delete".' },
    });
    expect(send(['post.delete'])).toBe(false);
  });
});

describe('watchRoom', () => {
  it('joins once the check passes and answers the reference', async () => {
    const { socket, log } = fakeSocket();
    await expect(
      watchRoom(socket, 'post:p1', { postId: 'p1' }, () => Promise.resolve()),
    ).resolves.toEqual({ ok: true, data: { postId: 'p1' } });
    expect(log).toEqual(['join post:p1']);
  });

  it('does not join when the check refuses', async () => {
    const { socket, log } = fakeSocket();
    await expect(watchRoom(socket, 'post:p1', { postId: 'p1' }, refused)).rejects.toThrow(
      'not allowed',
    );
    expect(log).toEqual([]);
  });

  it('with recheck, leaves again when access was lost while joining', async () => {
    const { socket, log } = fakeSocket();
    const check = jest.fn().mockResolvedValueOnce(undefined).mockImplementationOnce(refused);
    await expect(
      watchRoom(socket, 'room:r1', { roomId: 'r1' }, check, { recheck: true }),
    ).rejects.toThrow('not allowed');
    expect(check).toHaveBeenCalledTimes(2);
    expect(log).toEqual(['join room:r1', 'leave room:r1']);
  });

  it('without recheck, checks once', async () => {
    const { socket } = fakeSocket();
    const check = jest.fn().mockResolvedValue(undefined);
    await watchRoom(socket, 'study:s1', { studyId: 's1' }, check);
    expect(check).toHaveBeenCalledTimes(1);
  });
});

describe('unwatchRoom', () => {
  it('leaves the room and answers the reference', async () => {
    const { socket, log } = fakeSocket();
    await expect(unwatchRoom(socket, 'study:s1', { studyId: 's1' })).resolves.toEqual({
      ok: true,
      data: { studyId: 's1' },
    });
    expect(log).toEqual(['leave study:s1']);
  });
});
