import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RefreshResult } from './api-client';
import { createSocketManager, type SocketManager } from './socket';

type AuthCallback = (cb: (data: object) => void) => void;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function authError(code: string) {
  return Object.assign(new Error(code), { data: { code, message: code } });
}

describe('socket manager', () => {
  let token: string | null = 'token-a';
  let sockets: SocketManager | undefined;

  afterEach(() => {
    sockets?.disconnect();
    token = 'token-a';
  });

  function setup(refresh: () => Promise<RefreshResult> = async () => 'refreshed') {
    const refreshSession = vi.fn(refresh);
    sockets = createSocketManager({
      url: 'http://localhost:3000',
      getAccessToken: () => token,
      refreshSession,
    });
    const socket = sockets.socket('/user');
    // No network in unit tests: connecting is observed, not performed.
    const connect = vi.spyOn(socket, 'connect').mockReturnThis();
    const disconnect = vi.spyOn(socket, 'disconnect').mockReturnThis();
    return { sockets, socket, refreshSession, connect, disconnect };
  }

  it('sends the current access token in the handshake auth callback, never in the URL', () => {
    const { sockets, socket } = setup();
    const auth = socket.auth as AuthCallback;
    const cb = vi.fn();

    auth(cb);
    token = 'token-b';
    auth(cb);

    expect(cb).toHaveBeenNthCalledWith(1, { token: 'token-a' });
    expect(cb).toHaveBeenNthCalledWith(2, { token: 'token-b' });
    expect(sockets.manager.opts.transports).toEqual(['websocket']);
    expect(sockets.manager.opts.query).toBeUndefined();
    expect(sockets.manager.opts.autoConnect).toBe(false);
  });

  it('drops the connection when the browser goes offline, only while enabled', () => {
    const { sockets } = setup();
    const close = vi.fn();
    Object.assign(sockets.manager, { engine: { close } });
    window.dispatchEvent(new Event('offline'));
    expect(close).not.toHaveBeenCalled();

    sockets.connect();
    window.dispatchEvent(new Event('offline'));
    expect(close).toHaveBeenCalledTimes(1);

    sockets.disconnect();
    window.dispatchEvent(new Event('offline'));
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('reuses one socket per namespace on one manager', () => {
    const { sockets, socket } = setup();
    expect(sockets.socket('/user')).toBe(socket);
    expect(sockets.socket('/chat').io).toBe(socket.io);
  });

  it('refreshes once on AUTH_TOKEN_INVALID and connects again', async () => {
    const { sockets, socket, refreshSession, connect } = setup();
    sockets.connect();
    expect(connect).toHaveBeenCalledTimes(1);

    socket
      .listeners('connect_error')
      .forEach((listener) => listener(authError('AUTH_TOKEN_INVALID')));
    socket
      .listeners('connect_error')
      .forEach((listener) => listener(authError('AUTH_TOKEN_INVALID')));
    await flush();

    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('ignores other connection errors', async () => {
    const { sockets, socket, refreshSession } = setup();
    sockets.connect();
    socket.listeners('connect_error').forEach((listener) => listener(new Error('xhr poll error')));
    await flush();
    expect(refreshSession).not.toHaveBeenCalled();
  });

  it('stays disconnected when the server cut the socket and the session is gone', async () => {
    const { sockets, socket, refreshSession, connect } = setup(async () => 'rejected');
    sockets.connect();

    socket.listeners('disconnect').forEach((listener) => listener('io server disconnect'));
    await flush();

    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  // The server closes a socket whose access token expired ("io server disconnect", announced by
  // `connection.closing` AUTH_TOKEN_EXPIRED): a refresh gets a new token, then it connects again.
  it('refreshes the token and connects again when the server closes the socket', async () => {
    const { sockets, socket, refreshSession, connect } = setup();
    sockets.connect();

    socket.listeners('disconnect').forEach((listener) => listener('io server disconnect'));
    await flush();

    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('comes back after the delay the server gives when handshakes are rate limited', async () => {
    vi.useFakeTimers();
    try {
      const { sockets, socket, refreshSession, connect } = setup();
      sockets.connect();
      const limited = Object.assign(new Error('limited'), {
        data: { code: 'COMMON_RATE_LIMITED', message: 'limited', retryAfterSec: 3 },
      });
      socket.listeners('connect_error').forEach((listener) => listener(limited));

      vi.advanceTimersByTime(2900);
      expect(connect).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1200);
      expect(connect).toHaveBeenCalledTimes(2);
      expect(refreshSession).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('re-authenticates with disconnect + connect after a token refresh', () => {
    const { sockets, connect, disconnect } = setup();
    sockets.connect();
    sockets.reauthenticate();
    expect(disconnect).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledTimes(2);
  });
});
